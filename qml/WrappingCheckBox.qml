import QtQuick
import QtQuick.Controls

// A check box whose text wraps when the window is narrow (long German texts), instead of
// widening the page past the window's edge.
CheckBox {
    id: box

    Accessible.role: Accessible.CheckBox
    Accessible.name: box.text

    contentItem: Label {
        text: box.text
        font: box.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        leftPadding: box.indicator && !box.mirrored ? box.indicator.width + box.spacing : 0
        rightPadding: box.indicator && box.mirrored ? box.indicator.width + box.spacing : 0
        Accessible.ignored: true
    }
}
