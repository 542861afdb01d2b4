import QtQuick

// The marker on every screen that works with the simulated card: words and a symbol, not only
// colour.
StatusPanel {
    objectName: "demoBanner"
    kind: "warning"
    title: qsTr("DEMO: simulated card")
    guidance: qsTr("This is the built-in test card, not your ID card. Its data belongs to a test person and nothing done with it has legal effect.")
}
