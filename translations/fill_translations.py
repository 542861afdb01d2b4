#!/usr/bin/python3
"""Fills openausweis_en.ts (English = source text) and checks openausweis_de.ts against the
German glossary below. After changing user-visible strings:
    ninja -C <build> update_translations        (lupdate over src/app and qml/)
    /usr/bin/python3 translations/fill_translations.py
    ninja -C <build> update_translations        (restores lupdate's own formatting)
Exits non-zero while a German translation is missing; ctest "gui: translations complete" checks
the result."""
import pathlib
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).parent

GERMAN = {
    "About OpenAusweis": "Über OpenAusweis",
    "Version %1": "Version %1",
    "OpenAusweis is an open-source client for the online function of the German ID card, the electronic residence permit and the eID card for Union citizens. It is being built to let you prove your identity to online services, change your PIN and see the data stored on your card.":
        "OpenAusweis ist ein quelloffenes Programm für die Online-Ausweisfunktion des Personalausweises, des elektronischen Aufenthaltstitels und der eID-Karte für Unionsbürger. Es entsteht, damit Sie sich bei Online-Diensten ausweisen, Ihre PIN ändern und die auf Ihrer Karte gespeicherten Daten ansehen können.",
    "Licence: European Union Public Licence (EUPL) 1.2": "Lizenz: Europäische Union Public Licence (EUPL) 1.2",
    "OpenAusweis is an independent project and not an official product of the German federal government.":
        "OpenAusweis ist ein unabhängiges Projekt und kein offizielles Produkt der Bundesregierung.",
    "Help and about": "Hilfe und Info",
    "What you need": "Was Sie brauchen",
    "An ID card with the online function switched on, your six-digit PIN, and a card reader for contactless cards (NFC), for example a USB reader.":
        "Einen Ausweis mit eingeschalteter Online-Ausweisfunktion, Ihre sechsstellige PIN und einen Kartenleser für kontaktlose Karten (NFC), zum Beispiel ein USB-Lesegerät.",
    "My card is not found": "Meine Karte wird nicht gefunden",
    "Open “Readers & diagnosis”. It shows whether the PC/SC service is running, which readers are connected and whether a card lies on them. Move the card slowly on the reader if it is not detected.":
        "Öffnen Sie „Kartenleser & Diagnose“. Dort sehen Sie, ob der PC/SC-Dienst läuft, welche Kartenleser angeschlossen sind und ob eine Karte aufliegt. Wird die Karte nicht erkannt, bewegen Sie sie langsam auf dem Kartenleser.",
    "Keyboard": "Tastatur",
    "Tab moves between controls, the arrow keys move within the navigation, Enter or Space activates.":
        "Die Tabulatortaste wechselt zwischen den Bedienelementen, die Pfeiltasten bewegen sich in der Navigation, Eingabe oder Leertaste lösen aus.",
    "Screens": "Bereiche",
    "Start": "Start",
    "Readers & diagnosis": "Kartenleser & Diagnose",
    "Settings": "Einstellungen",
    "%1, needs attention": "%1, erfordert Aufmerksamkeit",
    "Demo card (simulated)": "Demokarte (simuliert)",
    "Card inserted": "Karte aufgelegt",
    "No card": "Keine Karte",
    "Simulated reader %1 for trying out the app": "Simulierter Kartenleser %1 zum Ausprobieren",
    "Reader %1": "Kartenleser %1",
    "Simulated reader “%1” – no real card is used": "Simulierter Kartenleser „%1“ – es wird keine echte Karte verwendet",
    "Connection: %1": "Anbindung: %1",
    "PC/SC": "PC/SC",
    "ATR: %1": "ATR: %1",
    "PC/SC service: running": "PC/SC-Dienst: läuft",
    "PC/SC service: not running": "PC/SC-Dienst: läuft nicht",
    "%n reader(s) found.": ("%n Kartenleser gefunden.", "%n Kartenleser gefunden."),
    "Start the service pcscd, for example with “sudo systemctl start pcscd.socket”. Readers appear here by themselves once it runs.":
        "Starten Sie den Dienst pcscd, zum Beispiel mit „sudo systemctl start pcscd.socket“. Sobald er läuft, erscheinen die Kartenleser hier von selbst.",
    "Readers": "Kartenleser",
    "No reader found.": "Kein Kartenleser gefunden.",
    "Diagnosis report": "Diagnosebericht",
    "Attach this report when you ask for help. It contains no personal data and no PIN.":
        "Fügen Sie diesen Bericht an, wenn Sie um Hilfe bitten. Er enthält keine persönlichen Daten und keine PIN.",
    "Copy report": "Bericht kopieren",
    "Copied to the clipboard.": "In die Zwischenablage kopiert.",
    "Language": "Sprache",
    "Appearance": "Darstellung",
    "Like the system": "Wie das System",
    "Light": "Hell",
    "Dark": "Dunkel",
    "Demo mode": "Demomodus",
    "Demo mode offers a simulated card for trying out OpenAusweis. It is clearly marked and never used instead of your own card without you choosing it.":
        "Der Demomodus bietet eine simulierte Karte zum Ausprobieren von OpenAusweis. Sie ist deutlich gekennzeichnet und wird nie ohne Ihre Wahl anstelle Ihrer eigenen Karte verwendet.",
    "Only while no card reader is connected": "Nur solange kein Kartenleser angeschlossen ist",
    "Always": "Immer",
    "Off": "Aus",
    "Welcome to OpenAusweis": "Willkommen bei OpenAusweis",
    "Use your German ID card, electronic residence permit or eID card for Union citizens online.":
        "Nutzen Sie Ihren Personalausweis, Ihren elektronischen Aufenthaltstitel oder Ihre eID-Karte für Unionsbürger online.",
    "The smart card service is not running": "Der Chipkartendienst läuft nicht",
    "No card reader connected": "Kein Kartenleser angeschlossen",
    "Place your ID card on the reader": "Legen Sie Ihren Ausweis auf den Kartenleser",
    "Your ID card is ready": "Ihr Ausweis ist bereit",
    "OpenAusweis talks to card readers through the PC/SC service (pcscd). Start it, for example with “sudo systemctl start pcscd.socket”. This screen updates by itself.":
        "OpenAusweis spricht über den PC/SC-Dienst (pcscd) mit Kartenlesern. Starten Sie ihn, zum Beispiel mit „sudo systemctl start pcscd.socket“. Diese Anzeige aktualisiert sich von selbst.",
    "Connect a card reader for contactless cards. This screen updates by itself as soon as a reader appears.":
        "Schließen Sie einen Kartenleser für kontaktlose Karten an. Diese Anzeige aktualisiert sich von selbst, sobald ein Kartenleser erscheint.",
    "Put the card on the reader and leave it there until the process is finished.":
        "Legen Sie die Karte auf den Kartenleser und lassen Sie sie dort, bis der Vorgang abgeschlossen ist.",
    "A card was detected. Nothing else needs to be done for now.":
        "Eine Karte wurde erkannt. Im Moment ist nichts weiter zu tun.",
    "Demo mode is on": "Der Demomodus ist an",
    "A simulated card lets you try out OpenAusweis without a reader. It is not your ID card, and nothing done with it has legal effect. You can switch demo mode off in the settings.":
        "Mit einer simulierten Karte können Sie OpenAusweis ohne Kartenleser ausprobieren. Sie ist nicht Ihr Ausweis, und nichts, was Sie damit tun, ist rechtlich wirksam. Sie können den Demomodus in den Einstellungen ausschalten.",
    "Show readers and diagnosis": "Kartenleser und Diagnose anzeigen",
}

ENGLISH_PLURALS = {"%n reader(s) found.": ("%n reader found.", "%n readers found.")}


def fill(path, table, fallback_to_source):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        wanted = table.get(source)
        if wanted is None and fallback_to_source:
            wanted = source
        if wanted is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            forms = wanted if isinstance(wanted, tuple) else (wanted, wanted)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = wanted
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


missing = fill(HERE / "openausweis_de.ts", GERMAN, False)
fill(HERE / "openausweis_en.ts", ENGLISH_PLURALS, True)
for source in missing:
    print("missing German translation:", source, file=sys.stderr)
sys.exit(1 if missing else 0)
