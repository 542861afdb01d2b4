import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qt.labs.settings
import OpenAusweis

// The main window: a navigation column on the left, one page at a time on the right. Later
// screens (authentication) join as one more button and one more page.
ApplicationWindow {
    id: window

    required property ReaderListModel readers
    required property Language language
    required property string version
    required property PinManagementController pinManagement
    required property SelfReadController selfRead
    required property AppSettings settings
    required property LogListModel logs
    required property DiagnosisReport diagnosis
    // Set by the app once the window exists (tests without browser activation leave it null).
    property AuthController authentication: null
    // The replacement PIN's controller, set by the app like `authentication`.
    property PinLetterController pinLetter: null
    // Whether an application controls OpenAusweis through the SDK, set by the app.
    property SdkClientStatus sdkClient: null

    // 0: follow the system, 1: light, 2: dark
    property int appearance: 0

    width: 960
    height: 640
    minimumWidth: 480
    minimumHeight: 360
    visible: true
    title: settings.developerMode ? qsTr("OpenAusweis (developer mode)") : "OpenAusweis"

    Material.theme: appearance === 1 ? Material.Light : appearance === 2 ? Material.Dark : Material.System
    Material.accent: Material.Blue
    Material.primary: "#1f4e79"

    Settings {
        category: "appearance"
        property alias mode: window.appearance
    }

    header: DeveloperModeBar {
        visible: window.settings.developerMode
    }

    function showPage(index) {
        navigation.currentIndex = index
    }

    // ?ShowUI=<module> (names as the eID-Client endpoint normalises them): shows that module's
    // screen and answers its object name; CURRENT and unknown modules keep the screen as it is.
    function showModule(module) {
        const screens = {
            "DEFAULT": "startPage",
            "IDENTIFY": "startPage",
            "ONBOARDING": "startPage",
            "SELF_AUTHENTICATION": "myDataPage",
            "PINMANAGEMENT": "pinManagementPage",
            "SETTINGS": "settingsPage",
            "HELP": "helpPage",
            "UPDATEINFORMATION": "helpPage"
        }
        const wanted = screens[module]
        for (let i = 0; i < pages.children.length; ++i) {
            if (wanted !== undefined && pages.children[i].objectName === wanted) {
                showPage(i)
                return wanted
            }
        }
        return pages.children[pages.currentIndex].objectName
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            id: sidebar
            // Controls are focus scopes: the navigation gets the keyboard first.
            focus: true
            Layout.fillHeight: true
            Layout.preferredWidth: 260
            Material.background: Material.theme === Material.Dark ? "#16324d" : "#e8eef5"
            Material.elevation: 2

            ColumnLayout {
                id: navigationColumn
                anchors.fill: parent
                spacing: 4

                RowLayout {
                    Layout.bottomMargin: 16
                    spacing: 10
                    Image {
                        source: "resources/openausweis.svg"
                        sourceSize.width: 40
                        sourceSize.height: 40
                        Accessible.ignored: true
                    }
                    Label {
                        text: "OpenAusweis"
                        font.pixelSize: 20
                        font.bold: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                }

                NavigationBar {
                    id: navigation
                    objectName: "navigation"
                    Layout.fillWidth: true
                    readers: window.readers
                }

                Item { Layout.fillHeight: true }

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Version %1").arg(window.version)
                    opacity: 0.8
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
        }

        AuthenticationScreen {
            id: authenticationScreen
            objectName: "authenticationScreen"
            authentication: window.authentication
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        ColumnLayout {
            visible: !authenticationScreen.shown
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            StatusPanel {
                objectName: "sdkClientBanner"
                visible: window.sdkClient !== null && window.sdkClient.connected
                kind: "info"
                title: window.sdkClient && window.sdkClient.application.length > 0
                       ? qsTr("Controlled by another application: %1").arg(window.sdkClient.application)
                       : qsTr("Controlled by another application")
                guidance: qsTr("An application on this computer uses OpenAusweis through its programming interface (SDK). Until it disconnects, it alone uses the card; the workflows of this window wait.")
            }

            StackLayout {
                id: pages
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: navigation.currentIndex

                StartPage {
                    objectName: "startPage"
                    readers: window.readers
                    onShowReadersRequested: window.showPage(3)
                }
                MyDataPage {
                    objectName: "myDataPage"
                    controller: window.selfRead
                    demoActive: window.readers.demoActive
                }
                PinManagementPage {
                    objectName: "pinManagementPage"
                    controller: window.pinManagement
                    demoActive: window.readers.demoActive
                    onReplacementPinRequested: window.showPage(7)
                }
                ReadersPage {
                    objectName: "readersPage"
                    readers: window.readers
                    diagnosis: window.diagnosis
                }
                SettingsPage {
                    objectName: "settingsPage"
                    readers: window.readers
                    settings: window.settings
                    language: window.language
                    appearance: window.appearance
                    onAppearanceChosen: (mode) => window.appearance = mode
                }
                LogsPage {
                    objectName: "logsPage"
                    logs: window.logs
                }
                HelpPage {
                    objectName: "helpPage"
                    onAboutRequested: aboutDialog.open()
                }
                ReplacementPinPage {
                    objectName: "replacementPinPage"
                    controller: window.pinLetter
                    onChangePinRequested: window.showPage(2)
                    onSettingsRequested: window.showPage(4)
                }
            }
        }
    }

    AboutDialog {
        id: aboutDialog
        version: window.version
        anchors.centerIn: parent
    }
}
