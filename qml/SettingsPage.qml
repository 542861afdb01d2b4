import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Language, appearance and demo mode. Every choice takes effect at once.
ScrollablePage {
    id: page

    required property ReaderListModel readers
    required property Language language
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

    Item { Layout.preferredHeight: 8 }
}
