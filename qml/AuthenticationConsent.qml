pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import OpenAusweis

// Who asks for which data and why, before the PIN: provider, address, issuer of the
// authorisation, purpose and terms, validity, transaction info and the rights. Required rights
// are shown checked and locked; only optional ones can be switched off.
ColumnLayout {
    id: consent

    required property AuthController controller

    spacing: 12
    Layout.fillWidth: true

    // The data group a right reads, in the user's words (eac::AccessRight bit numbers).
    function rightName(right) {
        switch (right) {
        case 0: return qsTr("Age verification")
        case 1: return qsTr("Place of residence verification")
        case 2: return qsTr("Pseudonym")
        case 3: return qsTr("Privileged terminal")
        case 4: return qsTr("Access with the CAN")
        case 5: return qsTr("PIN management")
        case 6: return qsTr("Install a certificate")
        case 7: return qsTr("Install a qualified certificate")
        case 8: return qsTr("Document type")
        case 9: return qsTr("Issuing state")
        case 10: return qsTr("Date of expiry")
        case 11: return qsTr("Given names")
        case 12: return qsTr("Family names")
        case 13: return qsTr("Religious or artistic name")
        case 14: return qsTr("Doctoral degree")
        case 15: return qsTr("Date of birth")
        case 16: return qsTr("Place of birth")
        case 17: return qsTr("Nationality")
        case 18: return qsTr("Sex")
        case 19: return qsTr("Optional data")
        case 20: return qsTr("Birth name")
        case 21: return qsTr("Written signature")
        case 24: return qsTr("Address")
        case 25: return qsTr("Community ID")
        case 26: return qsTr("Residence permit I")
        case 27: return qsTr("Residence permit II")
        case 28: return qsTr("Optional data (DG21)")
        case 30: return qsTr("Pseudonymous signature")
        }
        return qsTr("Data group right %1").arg(right)
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("A provider wants to read data from your ID card.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    GridLayout {
        objectName: "providerDetails"
        columns: 2
        columnSpacing: 16
        rowSpacing: 6
        Layout.fillWidth: true

        Repeater {
            model: [
                { label: qsTr("Provider"), value: consent.controller.providerName },
                { label: qsTr("Web address"), value: consent.controller.providerUrl },
                { label: qsTr("Authorisation issued by"), value: consent.controller.issuerName },
                { label: qsTr("Authorisation valid"),
                  value: qsTr("%1 to %2").arg(consent.controller.validFrom).arg(consent.controller.validUntil) },
                { label: qsTr("Transaction"), value: consent.controller.transactionInfo }
            ]
            delegate: ColumnLayout {
                id: detailRow
                required property var modelData
                visible: detailRow.modelData.value !== ""
                Layout.columnSpan: 2
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: detailRow.modelData.label
                    font.bold: true
                    Accessible.ignored: true
                }
                Label {
                    Layout.fillWidth: true
                    text: detailRow.modelData.value
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: detailRow.modelData.label + ": " + text
                }
            }
        }
    }

    Label {
        text: qsTr("Purpose and terms of usage")
        font.pixelSize: 18
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    TextArea {
        objectName: "termsOfUsage"
        Layout.fillWidth: true
        readOnly: true
        wrapMode: TextEdit.Wrap
        textFormat: TextEdit.PlainText
        text: consent.controller.termsOfUsage !== "" ? consent.controller.termsOfUsage
                                                      : qsTr("The provider gave no terms of usage.")
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Purpose and terms of usage")
        Accessible.description: text
    }

    Label {
        text: qsTr("Requested data")
        font.pixelSize: 18
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Required data cannot be switched off; to refuse it, cancel. Optional data is only read while its box is ticked.")
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Repeater {
        model: consent.controller.rights
        delegate: WrappingCheckBox {
            id: rightBox
            required property var modelData
            objectName: "right" + rightBox.modelData.right
            Layout.fillWidth: true
            text: rightBox.modelData.required
                  ? qsTr("%1 (required)").arg(consent.rightName(rightBox.modelData.right))
                  : qsTr("%1 (optional)").arg(consent.rightName(rightBox.modelData.right))
            checked: rightBox.modelData.selected
            enabled: !rightBox.modelData.required
            onToggled: consent.controller.setRightSelected(rightBox.modelData.right, checked)
            Accessible.role: Accessible.CheckBox
            Accessible.name: text
        }
    }
}
