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

    // 0: follow the system, 1: light, 2: dark
    property int appearance: 0

    width: 960
    height: 640
    minimumWidth: 480
    minimumHeight: 360
    visible: true
    title: "OpenAusweis"

    Material.theme: appearance === 1 ? Material.Light : appearance === 2 ? Material.Dark : Material.System
    Material.accent: Material.Blue
    Material.primary: "#1f4e79"

    Settings {
        category: "appearance"
        property alias mode: window.appearance
    }

    function showPage(index) {
        navigation.currentIndex = index
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

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: navigation.currentIndex

            StartPage {
                readers: window.readers
                onShowReadersRequested: window.showPage(3)
            }
            MyDataPage {
                controller: window.selfRead
                demoActive: window.readers.demoActive
            }
            PinManagementPage {
                controller: window.pinManagement
                demoActive: window.readers.demoActive
            }
            ReadersPage {
                readers: window.readers
            }
            SettingsPage {
                readers: window.readers
                language: window.language
                appearance: window.appearance
                onAppearanceChosen: (mode) => window.appearance = mode
            }
            HelpPage {
                onAboutRequested: aboutDialog.open()
            }
        }
    }

    AboutDialog {
        id: aboutDialog
        version: window.version
        anchors.centerIn: parent
    }
}
