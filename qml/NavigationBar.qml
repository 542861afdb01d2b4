import QtQuick
import QtQuick.Layouts
import OpenAusweis

// The list of screens. Up/Down move between them, Enter or Space opens one.
ColumnLayout {
    id: bar

    required property ReaderListModel readers
    property int currentIndex: 0

    spacing: 2
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Screens")

    NavigationButton {
        id: startButton
        text: qsTr("Start")
        symbol: "\u2302"
        checked: bar.currentIndex === 0
        onClicked: bar.currentIndex = 0
        KeyNavigation.down: myDataButton
        focus: true
    }
    NavigationButton {
        id: myDataButton
        objectName: "myDataNavigation"
        text: qsTr("My data")
        symbol: "\u263a"
        checked: bar.currentIndex === 1
        onClicked: bar.currentIndex = 1
        KeyNavigation.up: startButton
        KeyNavigation.down: pinButton
    }
    NavigationButton {
        id: pinButton
        objectName: "pinNavigation"
        text: qsTr("PIN management")
        symbol: "\u2731"
        checked: bar.currentIndex === 2
        onClicked: bar.currentIndex = 2
        KeyNavigation.up: myDataButton
        KeyNavigation.down: replacementPinButton
    }
    NavigationButton {
        id: replacementPinButton
        objectName: "replacementPinNavigation"
        text: qsTr("Replacement PIN")
        symbol: "\u2709"
        checked: bar.currentIndex === 7
        onClicked: bar.currentIndex = 7
        KeyNavigation.up: pinButton
        KeyNavigation.down: readersButton
    }
    NavigationButton {
        id: readersButton
        text: qsTr("Readers & diagnosis")
        symbol: "\u2630"
        badge: bar.readers.serviceAvailable ? "" : "!"
        checked: bar.currentIndex === 3
        onClicked: bar.currentIndex = 3
        KeyNavigation.up: replacementPinButton
        KeyNavigation.down: settingsButton
    }
    NavigationButton {
        id: settingsButton
        text: qsTr("Settings")
        symbol: "\u2699"
        checked: bar.currentIndex === 4
        onClicked: bar.currentIndex = 4
        KeyNavigation.up: readersButton
        KeyNavigation.down: logsButton
    }
    NavigationButton {
        id: logsButton
        objectName: "logsNavigation"
        text: qsTr("Logs")
        symbol: "\u2263"
        checked: bar.currentIndex === 5
        onClicked: bar.currentIndex = 5
        KeyNavigation.up: settingsButton
        KeyNavigation.down: helpButton
    }
    NavigationButton {
        id: helpButton
        text: qsTr("Help and about")
        symbol: "?"
        checked: bar.currentIndex === 6
        onClicked: bar.currentIndex = 6
        KeyNavigation.up: logsButton
    }
}
