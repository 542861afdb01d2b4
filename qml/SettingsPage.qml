import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Language, appearance, card reader, demo and developer mode, starting with the session and the
// tray icon. Every choice takes effect at once.
ScrollablePage {
    id: page

    required property ReaderListModel readers
    required property Language language
    required property AppSettings settings
    property int appearance: 0
    signal appearanceChosen(int mode)

    heading: qsTr("Settings")

    component Section: Label {
        font.pixelSize: 20
        Layout.topMargin: 8
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    component Choice: RadioButton {
        Accessible.role: Accessible.RadioButton
        Accessible.name: text
    }

    component OnOff: Switch {
        Layout.fillWidth: true
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
        Accessible.checkable: true
        Accessible.checked: checked
    }

    component Explanation: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Section { text: qsTr("Language") }
    ButtonGroup { id: languageGroup }
    Choice {
        objectName: "language_de"
        text: page.language.nativeName("de")
        checked: page.language.code === "de"
        ButtonGroup.group: languageGroup
        onClicked: page.language.code = "de"
    }
    Choice {
        objectName: "language_en"
        text: page.language.nativeName("en")
        checked: page.language.code === "en"
        ButtonGroup.group: languageGroup
        onClicked: page.language.code = "en"
    }

    Section { text: qsTr("Appearance") }
    ButtonGroup { id: appearanceGroup }
    Choice {
        text: qsTr("Like the system")
        checked: page.appearance === 0
        ButtonGroup.group: appearanceGroup
        onClicked: page.appearanceChosen(0)
    }
    Choice {
        text: qsTr("Light")
        checked: page.appearance === 1
        ButtonGroup.group: appearanceGroup
        onClicked: page.appearanceChosen(1)
    }
    Choice {
        text: qsTr("Dark")
        checked: page.appearance === 2
        ButtonGroup.group: appearanceGroup
        onClicked: page.appearanceChosen(2)
    }

    Section { text: qsTr("Demo mode") }
    Label {
        Layout.fillWidth: true
        text: qsTr("Demo mode offers a simulated card for trying out OpenAusweis. It is clearly marked and never used instead of your own card without you choosing it.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    ButtonGroup { id: demoGroup }
    Choice {
        text: qsTr("Only while no card reader is connected")
        checked: page.readers.demoMode === ReaderListModel.Automatic
        ButtonGroup.group: demoGroup
        onClicked: page.readers.demoMode = ReaderListModel.Automatic
    }
    Choice {
        text: qsTr("Always")
        checked: page.readers.demoMode === ReaderListModel.Always
        ButtonGroup.group: demoGroup
        onClicked: page.readers.demoMode = ReaderListModel.Always
    }
    Choice {
        text: qsTr("Off")
        checked: page.readers.demoMode === ReaderListModel.Off
        ButtonGroup.group: demoGroup
        onClicked: page.readers.demoMode = ReaderListModel.Off
    }

    Section { text: qsTr("Card reader") }
    Explanation {
        text: qsTr("With several readers connected, OpenAusweis uses the chosen one while it holds a card, otherwise the first reader with a card.")
    }
    ComboBox {
        id: readerChoice
        objectName: "preferredReader"
        Layout.fillWidth: true
        Layout.maximumWidth: 520
        // The first entry stands for "no preference"; a chosen reader stays listed while unplugged.
        readonly property var readerNames: {
            const names = []
            for (const name of page.readers.names) names.push(name)
            const chosen = page.settings.preferredReader
            if (chosen !== "" && names.indexOf(chosen) < 0) names.push(chosen)
            return names
        }
        model: {
            const entries = [qsTr("Automatic: the first reader with a card")]
            for (const name of readerNames) entries.push(name)
            return entries
        }
        currentIndex: page.settings.preferredReader === "" ? 0
                      : readerNames.indexOf(page.settings.preferredReader) + 1
        onActivated: (index) => page.settings.preferredReader = index === 0 ? "" : readerNames[index - 1]
        Accessible.role: Accessible.ComboBox
        Accessible.name: qsTr("Preferred card reader")
        Accessible.description: displayText
    }

    Section { text: qsTr("Replacement PIN") }
    Explanation {
        text: qsTr("The PIN letter service orders a letter with a new PIN when yours is forgotten or blocked. Its address starts with https://.")
    }
    TextField {
        id: pinLetterService
        objectName: "pinLetterServiceField"
        Layout.fillWidth: true
        Layout.maximumWidth: 520
        text: page.settings.pinLetterService
        placeholderText: page.settings.defaultPinLetterService !== "" ? page.settings.defaultPinLetterService : "https://"
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
        onTextEdited: pinLetterServiceInvalid.visible = false
        onAccepted: pinLetterServiceSave.clicked()
        KeyNavigation.tab: pinLetterServiceSave
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Address of the PIN letter service")
        Accessible.description: pinLetterServiceCurrent.text
    }
    // The buttons wrap below each other when the window is narrow (200 % scale).
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Button {
            id: pinLetterServiceSave
            objectName: "pinLetterServiceSave"
            text: qsTr("Save")
            onClicked: pinLetterServiceInvalid.visible = !page.settings.setPinLetterService(pinLetterService.text)
            KeyNavigation.tab: pinLetterServiceReset
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Save the address of the PIN letter service")
        }
        Button {
            id: pinLetterServiceReset
            objectName: "pinLetterServiceReset"
            text: qsTr("Use the default")
            enabled: page.settings.pinLetterService !== ""
            onClicked: {
                page.settings.resetPinLetterService()  // the field follows
                pinLetterServiceInvalid.visible = false
                // This button is disabled now: the keyboard goes on from the field.
                pinLetterService.forceActiveFocus()
            }
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Use the default PIN letter service")
        }
    }
    Explanation {
        id: pinLetterServiceInvalid
        objectName: "pinLetterServiceInvalid"
        visible: false
        text: "\u26a0 " + qsTr("Please enter an address starting with https://, without user name, query or fragment.")
        Accessible.role: Accessible.AlertMessage
    }
    Explanation {
        id: pinLetterServiceCurrent
        objectName: "pinLetterServiceCurrent"
        text: page.settings.pinLetterService !== "" ? qsTr("In use: %1").arg(page.settings.pinLetterService)
              : page.settings.defaultPinLetterService !== "" ? qsTr("In use: %1 (the default)").arg(page.settings.defaultPinLetterService)
              : qsTr("No service is chosen. In demo mode the local simulation world's demo service is used.")
    }

    Section { text: qsTr("Starting and closing") }
    OnOff {
        objectName: "autostart"
        text: qsTr("Start OpenAusweis with the desktop session")
        checked: page.settings.autostart
        onToggled: page.settings.autostart = checked
    }
    Explanation {
        text: qsTr("OpenAusweis then waits in the background for the browser, with its window hidden behind the tray icon (shown if the desktop has no tray).")
    }
    Explanation {
        visible: page.settings.autostartProblem !== ""
        text: "\u2716 " + qsTr("Autostart could not be changed: %1").arg(page.settings.autostartProblem)
    }
    OnOff {
        objectName: "trayIcon"
        text: qsTr("Show an icon in the system tray")
        checked: page.settings.trayIcon
        onToggled: page.settings.trayIcon = checked
    }
    Explanation {
        objectName: "closeBehaviour"
        text: page.settings.trayIcon && page.settings.trayAvailable
              ? qsTr("Closing the window keeps OpenAusweis ready for the browser; the tray icon opens it again or quits it.")
              : page.settings.trayAvailable
                ? qsTr("Closing the window quits OpenAusweis; the browser can then not reach it.")
                : qsTr("This desktop has no system tray, so closing the window quits OpenAusweis; the browser can then not reach it.")
    }

    Section { text: qsTr("Developer mode") }
    Explanation {
        text: qsTr("For developers of eID services: OpenAusweis also trusts the test certificates (test PKI) for cards and services. Never turn it on to use real services; the whole window is marked while it is on.")
    }
    OnOff {
        objectName: "developerMode"
        text: qsTr("Developer mode")
        checked: page.settings.developerMode
        onToggled: page.settings.developerMode = checked
    }

    Item { Layout.preferredHeight: 8 }
}
