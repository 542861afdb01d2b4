import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// First help and the way to the about box.
ScrollablePage {
    id: page

    signal aboutRequested()

    heading: qsTr("Help and about")

    component Paragraph: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    component Section: Label {
        font.pixelSize: 20
        Layout.topMargin: 8
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Section { text: qsTr("What you need") }
    Paragraph {
        text: qsTr("An ID card with the online function switched on, your six-digit PIN, and a card reader for contactless cards (NFC), for example a USB reader.")
    }
    Section { text: qsTr("My card is not found") }
    Paragraph {
        text: qsTr("Open \u201cReaders & diagnosis\u201d. It shows whether the PC/SC service is running, which readers are connected and whether a card lies on them. Move the card slowly on the reader if it is not detected.")
    }
    Section { text: qsTr("Keyboard") }
    Paragraph {
        text: qsTr("Tab moves between controls, the arrow keys move within the navigation, Enter or Space activates.")
    }

    Button {
        text: qsTr("About OpenAusweis")
        onClicked: page.aboutRequested()
        Accessible.role: Accessible.Button
        Accessible.name: text
    }

    Item { Layout.preferredHeight: 8 }
}
