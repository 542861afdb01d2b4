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
    "Controlled by another application: %1": "Von einer anderen Anwendung gesteuert: %1",
    "Controlled by another application": "Von einer anderen Anwendung gesteuert",
    "An application on this computer uses OpenAusweis through its programming interface (SDK). Until it disconnects, it alone uses the card; the workflows of this window wait.":
        "Eine Anwendung auf diesem Computer nutzt OpenAusweis über die Programmierschnittstelle (SDK). Bis sie die Verbindung trennt, verwendet nur sie die Karte; die Abläufe dieses Fensters warten.",
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
    "DEMO: simulated card":
        "DEMO: simulierte Karte",
    "This is the built-in test card, not your ID card. Its data belongs to a test person and nothing done with it has legal effect.":
        "Dies ist die eingebaute Testkarte, nicht Ihr Ausweis. Ihre Daten gehören einer Testperson, und nichts, was Sie damit tun, hat rechtliche Wirkung.",
    "Document type":
        "Dokumentart",
    "Issuing state":
        "Ausstellender Staat",
    "Date of expiry":
        "Gültig bis",
    "Given names":
        "Vornamen",
    "Family names":
        "Familienname",
    "Artistic or religious name":
        "Künstler- oder Ordensname",
    "Academic title":
        "Doktorgrad",
    "Date of birth":
        "Geburtsdatum",
    "Place of birth":
        "Geburtsort",
    "Nationality":
        "Staatsangehörigkeit",
    "Sex":
        "Geschlecht",
    "Optional data":
        "Optionale Daten",
    "Birth name":
        "Geburtsname",
    "Written signature":
        "Unterschrift",
    "Date of issuance":
        "Ausstellungsdatum",
    "Address":
        "Anschrift",
    "Community ID":
        "Gemeindeschlüssel",
    "Residence permit I":
        "Nebenbestimmungen I",
    "Residence permit II":
        "Nebenbestimmungen II",
    "Phone number":
        "Telefonnummer",
    "E-mail address":
        "E-Mail-Adresse",
    "My data":
        "Meine Daten",
    "Your card was checked as genuine and read.":
        "Ihre Karte wurde als echt geprüft und ausgelesen.",
    "No card was found. Place the card on the reader and try again.":
        "Es wurde keine Karte gefunden. Legen Sie die Karte auf den Kartenleser und versuchen Sie es erneut.",
    "Please enter your six-digit PIN (and the six-digit CAN if asked).":
        "Bitte geben Sie Ihre sechsstellige PIN ein (und, falls verlangt, die sechsstellige CAN).",
    "The PIN was wrong. Two tries are left.":
        "Die PIN war falsch. Sie haben noch zwei Versuche.",
    "The PIN was wrong. Enter the CAN with your PIN for the last try.":
        "Die PIN war falsch. Geben Sie für den letzten Versuch die CAN zusammen mit Ihrer PIN ein.",
    "The PIN is blocked. Unblock it with the PUK under PIN management.":
        "Die PIN ist gesperrt. Entsperren Sie sie unter „PIN-Verwaltung“ mit der PUK.",
    "Replace the transport PIN with your own PIN under PIN management first.":
        "Ersetzen Sie zuerst unter „PIN-Verwaltung“ die Transport-PIN durch Ihre eigene PIN.",
    "The online ID function of this card is switched off.":
        "Die Online-Ausweisfunktion dieser Karte ist ausgeschaltet.",
    "The card could not be read.":
        "Die Karte konnte nicht ausgelesen werden.",
    "See which data is stored on your card. The data is read only on this computer and is not sent anywhere.":
        "Sehen Sie, welche Daten auf Ihrer Karte gespeichert sind. Die Daten werden nur auf diesem Computer gelesen und nirgendwohin gesendet.",
    "PIN (6 digits)":
        "PIN (6 Ziffern)",
    "My PIN is suspended: enter the CAN too":
        "Meine PIN ist vorübergehend gesperrt: auch die CAN eingeben",
    "Card access number (CAN), 6 digits on the front of the card":
        "Zugangsnummer (CAN), 6 Ziffern auf der Vorderseite der Karte",
    "Read my data":
        "Meine Daten auslesen",
    "Connecting to the card":
        "Verbindung zur Karte",
    "Checking the PIN (PACE)":
        "PIN-Prüfung (PACE)",
    "Showing the card who is reading (terminal authentication)":
        "Der Karte zeigen, wer liest (Terminal-Authentisierung)",
    "Checking the card is genuine (passive and chip authentication)":
        "Echtheit der Karte prüfen (passive und Chip-Authentisierung)",
    "Reading the data":
        "Daten auslesen",
    "Technical detail: %1":
        "Technische Einzelheit: %1",
    "Data on the card (demo card)":
        "Daten auf der Karte (Demokarte)",
    "Data on the card":
        "Daten auf der Karte",
    "DEMO – Test card":
        "DEMO – Testkarte",
    "Your ID card":
        "Ihr Ausweis",
    "PIN management":
        "PIN-Verwaltung",
    "%1 of %2 digits entered":
        "%1 von %2 Ziffern eingegeben",
    "Hide keypad":
        "Ziffernfeld ausblenden",
    "Keypad":
        "Ziffernfeld",
    "Hide the on-screen keypad for %1":
        "Bildschirm-Ziffernfeld für %1 ausblenden",
    "Show an on-screen keypad for %1":
        "Bildschirm-Ziffernfeld für %1 einblenden",
    "On-screen keypad":
        "Bildschirm-Ziffernfeld",
    "Erase the last digit":
        "Letzte Ziffer löschen",
    "Your PIN is ready to use":
        "Ihre PIN ist einsatzbereit",
    "Two tries left":
        "Noch zwei Versuche",
    "PIN suspended: one try left":
        "PIN vorübergehend gesperrt: ein Versuch übrig",
    "PIN blocked":
        "PIN gesperrt",
    "PIN blocked and PUK used up":
        "PIN gesperrt und PUK verbraucht",
    "Transport PIN still active":
        "Transport-PIN noch aktiv",
    "Online ID function switched off":
        "Online-Ausweisfunktion ausgeschaltet",
    "PIN status not read yet":
        "PIN-Status noch nicht gelesen",
    "The card allows %1 tries before the PIN is suspended.":
        "Die Karte erlaubt %1 Versuche, bevor die PIN vorübergehend gesperrt wird.",
    "A wrong PIN was entered once. After one more wrong PIN, the card asks for the card access number (CAN) before the last try.":
        "Einmal wurde eine falsche PIN eingegeben. Nach einer weiteren falschen PIN verlangt die Karte vor dem letzten Versuch die Zugangsnummer (CAN).",
    "Two wrong PINs were entered. To protect you, the last try needs the six-digit card access number (CAN) printed on the front of the card first.":
        "Zweimal wurde eine falsche PIN eingegeben. Zu Ihrem Schutz braucht der letzte Versuch zuerst die sechsstellige Zugangsnummer (CAN) von der Vorderseite der Karte.",
    "The PIN was entered wrongly three times. The ten-digit PUK from your PIN letter unblocks it.":
        "Die PIN wurde dreimal falsch eingegeben. Die zehnstellige PUK aus Ihrem PIN-Brief entsperrt sie.",
    "The PIN is blocked and the PUK has been used ten times, so it cannot unblock the PIN any more.":
        "Die PIN ist gesperrt und die PUK wurde zehnmal verwendet; sie kann die PIN nicht mehr entsperren.",
    "The card still has the five-digit transport PIN from the PIN letter. Replace it with your own six-digit PIN before the first use.":
        "Die Karte hat noch die fünfstellige Transport-PIN aus dem PIN-Brief. Ersetzen Sie sie vor der ersten Nutzung durch Ihre eigene sechsstellige PIN.",
    "The card cannot be used online until the online ID function is switched on.":
        "Die Karte kann erst online genutzt werden, wenn die Online-Ausweisfunktion eingeschaltet ist.",
    "Place the card on the reader and read the status. Reading it costs no try.":
        "Legen Sie die Karte auf den Kartenleser und lesen Sie den Status. Das Lesen kostet keinen Versuch.",
    "Nothing to do. You can change your PIN at any time.":
        "Nichts zu tun. Sie können Ihre PIN jederzeit ändern.",
    "Enter the PIN carefully. If you are unsure, change it now while you still know it.":
        "Geben Sie die PIN sorgfältig ein. Wenn Sie unsicher sind, ändern Sie sie jetzt, solange Sie sie noch kennen.",
    "Enter the CAN, then your current PIN, and choose a new PIN.":
        "Geben Sie die CAN, dann Ihre aktuelle PIN ein und wählen Sie eine neue PIN.",
    "Enter the PUK from your PIN letter below. The PIN then has three tries again.":
        "Geben Sie unten die PUK aus Ihrem PIN-Brief ein. Die PIN hat danach wieder drei Versuche.",
    "Order a new PIN letter with the PIN reset service, or ask your citizens' office for a new PIN.":
        "Bestellen Sie beim PIN-Rücksetzdienst einen neuen PIN-Brief oder lassen Sie sich im Bürgeramt eine neue PIN geben.",
    "Enter the five-digit transport PIN and choose your own six-digit PIN.":
        "Geben Sie die fünfstellige Transport-PIN ein und wählen Sie Ihre eigene sechsstellige PIN.",
    "Your citizens' office can switch the online ID function on.":
        "Ihr Bürgeramt kann die Online-Ausweisfunktion einschalten.",
    "The PIN status was read from the card.":
        "Der PIN-Status wurde von der Karte gelesen.",
    "Your PIN was changed. Use the new six-digit PIN from now on.":
        "Ihre PIN wurde geändert. Verwenden Sie ab jetzt die neue sechsstellige PIN.",
    "The PIN was unblocked. It has three tries again.":
        "Die PIN wurde entsperrt. Sie hat wieder drei Versuche.",
    "Please check the digits: the PIN has 6 digits (the transport PIN 5), the CAN 6 and the PUK 10.":
        "Bitte prüfen Sie die Ziffern: Die PIN hat 6 Ziffern (die Transport-PIN 5), die CAN 6 und die PUK 10.",
    "That did not work. The current status is shown above.":
        "Das hat nicht geklappt. Oben steht der aktuelle Status.",
    "Read PIN status":
        "PIN-Status lesen",
    "What do you want to do?":
        "Was möchten Sie tun?",
    "Change PIN":
        "PIN ändern",
    "Unblock with PUK":
        "Mit PUK entsperren",
    "First use: I have the five-digit transport PIN from the PIN letter":
        "Erste Nutzung: Ich habe die fünfstellige Transport-PIN aus dem PIN-Brief",
    "Transport PIN (5 digits)":
        "Transport-PIN (5 Ziffern)",
    "Current PIN (6 digits)":
        "Aktuelle PIN (6 Ziffern)",
    "New PIN (6 digits)":
        "Neue PIN (6 Ziffern)",
    "Repeat the new PIN":
        "Neue PIN wiederholen",
    "⚠ The two new PINs differ.":
        "⚠ Die beiden neuen PINs stimmen nicht überein.",
    "PUK (10 digits from the PIN letter)":
        "PUK (10 Ziffern aus dem PIN-Brief)",
    "Unblock PIN":
        "PIN entsperren",
    "Writing the new PIN":
        "Neue PIN schreiben",
    "Progress":
        "Fortschritt",
    "%1 (in progress)":
        "%1 (läuft)",
    "%1 (done)":
        "%1 (erledigt)",
}
# The app shell: settings beyond language and appearance, logs, tray icon, developer mode.
GERMAN.update({
    "OpenAusweis (developer mode)": "OpenAusweis (Entwicklermodus)",
    "DEVELOPER MODE: test certificates are trusted. Never use it with real services; turn it off in the settings.":
        "ENTWICKLERMODUS: Testzertifikate werden akzeptiert. Nie mit echten Diensten verwenden; schalten Sie ihn in den Einstellungen aus.",
    "Logs": "Protokolle",
    "Card reader": "Kartenleser",
    "With several readers connected, OpenAusweis uses the chosen one while it holds a card, otherwise the first reader with a card.":
        "Sind mehrere Kartenleser angeschlossen, verwendet OpenAusweis den gewählten, solange darauf eine Karte liegt, sonst den ersten Kartenleser mit Karte.",
    "Automatic: the first reader with a card": "Automatisch: der erste Kartenleser mit Karte",
    "Preferred card reader": "Bevorzugter Kartenleser",
    "Starting and closing": "Starten und Schließen",
    "Start OpenAusweis with the desktop session": "OpenAusweis mit der Sitzung starten",
    "OpenAusweis then waits in the background for the browser, with its window hidden behind the tray icon (shown if the desktop has no tray).":
        "OpenAusweis wartet dann im Hintergrund auf den Browser, das Fenster verborgen hinter dem Symbol im Systembereich (es erscheint, wenn die Arbeitsumgebung keinen Systembereich hat).",
    "Autostart could not be changed: %1": "Der automatische Start konnte nicht geändert werden: %1",
    "%1 could not be written.": "%1 konnte nicht geschrieben werden.",
    "%1 could not be removed.": "%1 konnte nicht entfernt werden.",
    "Show an icon in the system tray": "Symbol im Systembereich anzeigen",
    "Closing the window keeps OpenAusweis ready for the browser; the tray icon opens it again or quits it.":
        "Nach dem Schließen des Fensters bleibt OpenAusweis für den Browser bereit; über das Symbol im Systembereich öffnen Sie es wieder oder beenden es.",
    "Closing the window quits OpenAusweis; the browser can then not reach it.":
        "Das Schließen des Fensters beendet OpenAusweis; der Browser erreicht es dann nicht mehr.",
    "This desktop has no system tray, so closing the window quits OpenAusweis; the browser can then not reach it.":
        "Diese Arbeitsumgebung hat keinen Systembereich, daher beendet das Schließen des Fensters OpenAusweis; der Browser erreicht es dann nicht mehr.",
    "Developer mode": "Entwicklermodus",
    "For developers of eID services: OpenAusweis also trusts the test certificates (test PKI) for cards and services. Never turn it on to use real services; the whole window is marked while it is on.":
        "Für Entwickler von eID-Diensten: OpenAusweis akzeptiert auch die Testzertifikate (Test-PKI) für Karten und Dienste. Schalten Sie ihn nie ein, um echte Dienste zu nutzen; solange er an ist, ist das ganze Fenster gekennzeichnet.",
    "Messages of this run; they are also written to %1 (the last five runs are kept). They contain no PIN, CAN or PUK.":
        "Meldungen dieses Programmlaufs; sie werden auch in %1 geschrieben (die letzten fünf Läufe bleiben erhalten). Sie enthalten keine PIN, CAN oder PUK.",
    "Messages of this run. They contain no PIN, CAN or PUK.":
        "Meldungen dieses Programmlaufs. Sie enthalten keine PIN, CAN oder PUK.",
    "All messages": "Alle Meldungen",
    "Information and above": "Informationen und wichtiger",
    "Warnings and errors": "Warnungen und Fehler",
    "Errors only": "Nur Fehler",
    "Level": "Stufe",
    "Search": "Suchen",
    "Search the log": "Im Protokoll suchen",
    "Copy": "Kopieren",
    "%n message(s) copied to the clipboard.": ("%n Meldung in die Zwischenablage kopiert.", "%n Meldungen in die Zwischenablage kopiert."),
    "Copy the shown messages": "Die angezeigten Meldungen kopieren",
    "Export…": "Exportieren …",
    "Export the log": "Protokoll exportieren",
    "Saved to %1.": "Gespeichert in %1.",
    "Could not write %1.": "%1 konnte nicht geschrieben werden.",
    "Export the shown messages to a file": "Die angezeigten Meldungen in eine Datei exportieren",
    "No messages match.": "Keine Meldung passt.",
    "Log messages": "Protokollmeldungen",
    "OpenAusweis: ready for eID requests from the browser": "OpenAusweis: bereit für eID-Anfragen aus dem Browser",
    "Open OpenAusweis": "OpenAusweis öffnen",
    "Quit OpenAusweis": "OpenAusweis beenden",
})

# The authentication screen behind the browser's activation (engineer gui-auth).
GERMAN.update({
    "Age verification": "Altersbestätigung",
    "Place of residence verification": "Wohnortbestätigung",
    "Pseudonym": "Pseudonym",
    "Privileged terminal": "Privilegiertes Terminal",
    "Access with the CAN": "Zugriff mit der CAN",
    "PIN management": "PIN-Verwaltung",
    "Install a certificate": "Zertifikat installieren",
    "Install a qualified certificate": "Qualifiziertes Zertifikat installieren",
    "Document type": "Dokumentart",
    "Issuing state": "Ausstellender Staat",
    "Date of expiry": "Gültig bis",
    "Given names": "Vornamen",
    "Family names": "Familienname",
    "Religious or artistic name": "Ordens- oder Künstlername",
    "Doctoral degree": "Doktorgrad",
    "Date of birth": "Geburtsdatum",
    "Place of birth": "Geburtsort",
    "Nationality": "Staatsangehörigkeit",
    "Sex": "Geschlecht",
    "Optional data": "Optionale Daten",
    "Birth name": "Geburtsname",
    "Written signature": "Unterschrift",
    "Address": "Anschrift",
    "Community ID": "Gemeindeschlüssel",
    "Residence permit I": "Nebenbestimmungen I",
    "Residence permit II": "Nebenbestimmungen II",
    "Optional data (DG21)": "Optionale Daten (DG21)",
    "Pseudonymous signature": "Pseudonyme Signatur",
    "Data group right %1": "Zugriffsrecht %1",
    "A provider wants to read data from your ID card.":
        "Ein Anbieter möchte Daten aus Ihrem Ausweis auslesen.",
    "Provider": "Anbieter",
    "Web address": "Internetadresse",
    "Authorisation issued by": "Berechtigung ausgestellt von",
    "Authorisation valid": "Berechtigung gültig",
    "%1 to %2": "%1 bis %2",
    "Transaction": "Vorgang",
    "Purpose and terms of usage": "Zweck und Nutzungsbedingungen",
    "The provider gave no terms of usage.": "Der Anbieter hat keine Nutzungsbedingungen angegeben.",
    "Requested data": "Angefragte Daten",
    "Required data cannot be switched off; to refuse it, cancel. Optional data is only read while its box is ticked.":
        "Erforderliche Daten lassen sich nicht abwählen; um sie zu verweigern, brechen Sie ab. Optionale Daten werden nur gelesen, solange ihr Kästchen angekreuzt ist.",
    "%1 (required)": "%1 (erforderlich)",
    "%1 (optional)": "%1 (optional)",
    "Enter the card access number (CAN)": "Geben Sie die Zugangsnummer (CAN) ein",
    "Enter the PUK": "Geben Sie die PUK ein",
    "Enter your PIN": "Geben Sie Ihre PIN ein",
    "CAN (6 digits on the front of the card)": "CAN (6 Ziffern auf der Vorderseite der Karte)",
    "PUK (10 digits from the PIN letter)": "PUK (10 Ziffern aus dem PIN-Brief)",
    "PIN (6 digits)": "PIN (6 Ziffern)",
    "The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.":
        "Die PIN wurde zweimal falsch eingegeben. Zu Ihrem Schutz braucht der letzte Versuch zuerst die Zugangsnummer, die auf der Vorderseite der Karte steht.",
    "The PIN was wrong. Two tries are left.": "Die PIN war falsch. Sie haben noch zwei Versuche.",
    "A wrong PIN was entered before. Two tries are left.":
        "Zuvor wurde eine falsche PIN eingegeben. Sie haben noch zwei Versuche.",
    "This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.":
        "Dies ist der letzte Versuch. Ist die PIN wieder falsch, wird sie gesperrt und nur die PUK entsperrt sie.",
    "The PIN is the six-digit number you chose for your ID card.":
        "Die PIN ist die sechsstellige Zahl, die Sie für Ihren Ausweis gewählt haben.",
    "Tries left: %1": "Verbleibende Versuche: %1",
    "Continue": "Weiter",
    "Identify with your ID card": "Mit dem Ausweis ausweisen",
    "You have identified yourself successfully.": "Sie haben sich erfolgreich ausgewiesen.",
    "The authentication was cancelled.": "Der Vorgang wurde abgebrochen.",
    "No ID card was found in time.": "Es wurde nicht rechtzeitig ein Ausweis gefunden.",
    "The PIN is now blocked. Unblock it with the PUK under PIN management.":
        "Die PIN ist jetzt gesperrt. Entsperren Sie sie mit der PUK unter PIN-Verwaltung.",
    "The authentication failed.": "Das Ausweisen ist fehlgeschlagen.",
    "Your browser now shows the provider's page. You can close this window.":
        "Ihr Browser zeigt jetzt die Seite des Anbieters. Sie können dieses Fenster schließen.",
    "The provider could not be told; your browser shows an error page.":
        "Der Anbieter konnte nicht benachrichtigt werden; Ihr Browser zeigt eine Fehlerseite.",
    "Place your ID card on the reader": "Legen Sie Ihren Ausweis auf den Kartenleser",
    "Waiting for a card in %1.": "Warte auf eine Karte in %1.",
    "Connect a card reader and place your ID card on it.":
        "Schließen Sie einen Kartenleser an und legen Sie Ihren Ausweis darauf.",
    "Several readers hold a card. Which one do you want to use?":
        "Auf mehreren Kartenlesern liegt eine Karte. Welche möchten Sie verwenden?",
    "Use the card in %1": "Die Karte in %1 verwenden",
    "Continue to PIN entry": "Weiter zur PIN-Eingabe",
    "Technical detail: %1": "Technische Einzelheit: %1",
    "Cancelling…": "Wird abgebrochen …",
    "Cancel": "Abbrechen",
    "Cancel the authentication": "Den Vorgang abbrechen",
    "Close": "Schließen",
    "Close the authentication result": "Das Ergebnis schließen",
    "Cancelling the authentication…": "Der Vorgang wird abgebrochen …",
    "Progress": "Fortschritt",
    "Checking the provider": "Anbieter prüfen",
    "Your consent": "Ihre Zustimmung",
    "PIN and card connection": "PIN und Verbindung zur Karte",
    "Checking the provider's authorisation and the card's genuineness":
        "Berechtigung des Anbieters und Echtheit der Karte prüfen",
    "Transmitting the data": "Daten übermitteln",
    "Returning to the provider": "Zurück zum Anbieter",
    "Shuffle the keys": "Tasten mischen",
})

# The replacement PIN (qml/ReplacementPin*.qml, src/app/PinLetterController.cpp).
GERMAN.update({
    "Replacement PIN": "Neue PIN",
    "DEMO: the PIN letter service is the local simulation world. No real letter is sent; the demo letter appears on the service's mailbox page.":
        "DEMO: Der PIN-Rücksetzdienst ist die lokale Simulationsumgebung. Es wird kein echter Brief verschickt; der Demo-Brief erscheint auf der Postfachseite des Dienstes.",
    "Sending the order to the PIN letter service\u2026": "Die Bestellung wird an den PIN-Rücksetzdienst gesendet\u2026",
    "Sending the activation code to the PIN letter service\u2026": "Der Aktivierungscode wird an den PIN-Rücksetzdienst gesendet\u2026",
    "The PIN letter service is busy right now. Trying again in %n second(s).": (
        "Der PIN-Rücksetzdienst ist gerade ausgelastet. Neuer Versuch in %n Sekunde.",
        "Der PIN-Rücksetzdienst ist gerade ausgelastet. Neuer Versuch in %n Sekunden."),
    "Confirm with your card: enter the card access number (CAN).": "Bestätigen Sie mit Ihrem Ausweis: Geben Sie die Zugangsnummer (CAN) ein.",
    "Waiting for the service's confirmation\u2026": "Warten auf die Bestätigung des Dienstes\u2026",
    "Your PIN letter has been ordered. It will be sent to the address stored on your card.": "Ihr PIN-Brief wurde bestellt. Er wird an die auf Ihrem Ausweis gespeicherte Anschrift geschickt.",
    "The PIN from your letter is now set and the online ID function is switched on.": "Die PIN aus Ihrem Brief ist jetzt gesetzt und die Online-Ausweisfunktion ist eingeschaltet.",
    "The PIN letter service is overloaded. Your order is kept: please try again later, for example in an hour.": "Der PIN-Rücksetzdienst ist überlastet. Ihre Bestellung bleibt gespeichert: Bitte versuchen Sie es später erneut, zum Beispiel in einer Stunde.",
    "That did not work.": "Das hat nicht geklappt.",
    "Cancelled. A started order is kept and can be continued later.": "Abgebrochen. Eine begonnene Bestellung bleibt gespeichert und kann später fortgesetzt werden.",
    "Forgot your PIN, or is it blocked? Order a letter with a new PIN here. You need your ID card and the six-digit card access number (CAN) printed on its front. When the letter has arrived, activate its PIN with the activation code from the letter.":
        "PIN vergessen oder gesperrt? Bestellen Sie hier einen Brief mit einer neuen PIN. Sie brauchen Ihren Ausweis und die sechsstellige Zugangsnummer (CAN), die vorne auf dem Ausweis steht. Wenn der Brief angekommen ist, aktivieren Sie seine PIN mit dem Aktivierungscode aus dem Brief.",
    "The replacement PIN is not available in this window.": "Die neue PIN ist in diesem Fenster nicht verfügbar.",
    "1. Order a PIN letter": "1. PIN-Brief bestellen",
    "An order was started but not yet confirmed. Ordering again continues it; no second letter is sent.": "Eine Bestellung wurde begonnen, aber noch nicht bestätigt. Erneutes Bestellen setzt sie fort; es wird kein zweiter Brief verschickt.",
    "Continue the order": "Bestellung fortsetzen",
    "Order a PIN letter": "PIN-Brief bestellen",
    "Letters ordered so far:": "Bisher bestellte Briefe:",
    "Order reference %1": "Bestellnummer %1",
    "2. Activate the PIN from the letter": "2. PIN aus dem Brief aktivieren",
    "Enter the activation code printed in your PIN letter.": "Geben Sie den Aktivierungscode aus Ihrem PIN-Brief ein.",
    "Activation code": "Aktivierungscode",
    "Activation code from the PIN letter": "Aktivierungscode aus dem PIN-Brief",
    "Activate": "Aktivieren",
    "Activate the PIN from the letter": "PIN aus dem Brief aktivieren",
    "Order reference: %1": "Bestellnummer: %1",
    "Working": "In Arbeit",
    "Cancel the replacement PIN request": "Anfrage für die neue PIN abbrechen",
    "Change the letter's PIN to one of your choice": "PIN aus dem Brief durch eine eigene ersetzen",
    "Done": "Fertig",
    "Close this message": "Diese Meldung schließen",
    "PIN letter service": "PIN-Rücksetzdienst",
    "Address of the PIN letter service": "Adresse des PIN-Rücksetzdienstes",
    "Save": "Speichern",
    "Save the address of the PIN letter service": "Adresse des PIN-Rücksetzdienstes speichern",
    "\u26a0 Please enter an address starting with https://": "\u26a0 Bitte geben Sie eine Adresse ein, die mit https:// beginnt",
    "Order a replacement PIN \u2192": "Neue PIN bestellen \u2192",
    "Order a replacement PIN letter": "Einen Brief mit neuer PIN bestellen",
    "No replacement PIN service is configured.": "Es ist kein PIN-Rücksetzdienst eingerichtet.",
    "OpenAusweis is busy with another card operation. Please try again when it has finished.": "OpenAusweis ist mit einem anderen Kartenvorgang beschäftigt. Bitte versuchen Sie es erneut, wenn er beendet ist.",
})

# The replacement PIN's service, chosen in Settings, and the demo service's start.
GERMAN.update({
    "Starting the local demo PIN letter service\u2026": "Der lokale Demo-PIN-Rücksetzdienst wird gestartet\u2026",
    "The PIN letter service could not be started. Please try again later.":
        "Der PIN-Rücksetzdienst konnte nicht gestartet werden. Bitte versuchen Sie es später erneut.",
    "The local demo service (started with the first order)": "Der lokale Demo-Dienst (startet mit der ersten Bestellung)",
    "None chosen yet": "Noch keiner gewählt",
    "PIN letter service: %1": "PIN-Rücksetzdienst: %1",
    "Change in Settings": "In den Einstellungen ändern",
    "Change the PIN letter service in Settings": "Den PIN-Rücksetzdienst in den Einstellungen ändern",
    "The PIN letter service orders a letter with a new PIN when yours is forgotten or blocked. Its address starts with https://.":
        "Beim PIN-Rücksetzdienst bestellen Sie einen Brief mit einer neuen PIN, wenn Sie Ihre vergessen haben oder sie gesperrt ist. Seine Adresse beginnt mit https://.",
    "Use the default": "Standard verwenden",
    "Use the default PIN letter service": "Den Standard-PIN-Rücksetzdienst verwenden",
    "Please enter an address starting with https://, without user name, query or fragment.":
        "Bitte geben Sie eine Adresse ein, die mit https:// beginnt, ohne Benutzernamen, Abfrage oder Fragment.",
    "In use: %1": "Verwendet: %1",
    "In use: %1 (the default)": "Verwendet: %1 (Standard)",
    "No service is chosen. In demo mode the local simulation world's demo service is used.":
        "Es ist kein Dienst gewählt. Im Demomodus wird der Demo-Dienst der lokalen Simulationsumgebung verwendet.",
})

# Comfort readers with a pinpad: the secrets are typed on the reader.
GERMAN.update({
    "Please enter your PIN on your card reader's pinpad":
        "Bitte geben Sie Ihre PIN am Tastenfeld Ihres Kartenlesers ein",
    "Please enter the card access number (CAN) on your card reader's pinpad":
        "Bitte geben Sie die Zugangsnummer (CAN) am Tastenfeld Ihres Kartenlesers ein",
    "Please enter the PUK on your card reader's pinpad":
        "Bitte geben Sie die PUK am Tastenfeld Ihres Kartenlesers ein",
    "Please enter your current PIN (or the five-digit transport PIN) on your card reader's pinpad":
        "Bitte geben Sie Ihre aktuelle PIN (oder die fünfstellige Transport-PIN) am Tastenfeld Ihres Kartenlesers ein",
    "Please enter your new six-digit PIN on your card reader's pinpad, then once more to confirm it":
        "Bitte geben Sie Ihre neue sechsstellige PIN am Tastenfeld Ihres Kartenlesers ein und zur Bestätigung noch einmal",
    "Your card reader has its own pinpad, so the secret never passes through this computer.":
        "Ihr Kartenleser hat ein eigenes Tastenfeld, daher gelangt die Geheimzahl nie auf diesen Computer.",
    "Confirm on the reader when you are done. To stop, press the reader's cancel key or Cancel below.":
        "Bestätigen Sie am Kartenleser, wenn Sie fertig sind. Zum Abbrechen drücken Sie die Abbruchtaste des Kartenlesers oder unten „Abbrechen“.",
    "Confirm on the reader when you are done; its cancel key stops the operation.":
        "Bestätigen Sie am Kartenleser, wenn Sie fertig sind; seine Abbruchtaste beendet den Vorgang.",
    "Your card reader has its own pinpad: you enter the PIN, the CAN and the PUK on the reader, not in this window.":
        "Ihr Kartenleser hat ein eigenes Tastenfeld: Sie geben PIN, CAN und PUK am Kartenleser ein, nicht in diesem Fenster.",
    "Reader %1 with its own pinpad": "Kartenleser %1 mit eigenem Tastenfeld",
    "This card reader takes the current PIN on its pinpad but not a new one. Enter the new PIN here, then change the PIN.":
        "Dieser Kartenleser nimmt die aktuelle PIN an seinem Tastenfeld entgegen, aber keine neue. Geben Sie die neue PIN hier ein und ändern Sie dann die PIN.",
    "The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.":
        "Der PIN-Rücksetzdienst öffnet Ihre Karte mit der Zugangsnummer auf ihrer Vorderseite statt mit der PIN.",
    "With its own pinpad: you enter PIN, CAN and PUK on the reader":
        "Mit eigenem Tastenfeld: Sie geben PIN, CAN und PUK am Kartenleser ein",
    "Your card reader has its own pinpad: you enter your PIN on the reader after you start reading.":
        "Ihr Kartenleser hat ein eigenes Tastenfeld: Sie geben Ihre PIN am Kartenleser ein, nachdem Sie das Auslesen gestartet haben.",
})

# The window walk-through (stop 15): refused secrets in words, a step list that stops at a failure.
GERMAN.update({
    "The PIN was wrong.": "Die PIN war falsch.",
    "The PIN was wrong. Before the last try, enter the card access number (CAN) as well.":
        "Die PIN war falsch. Geben Sie vor dem letzten Versuch zusätzlich die Zugangsnummer (CAN) ein.",
    "The PIN was wrong for the third time and is now blocked. Unblock it with the PUK from your PIN letter.":
        "Die PIN war zum dritten Mal falsch und ist jetzt gesperrt. Entsperren Sie sie mit der PUK aus Ihrem PIN-Brief.",
    "The card access number (CAN) was wrong. Check the six digits on the front of the card. This did not cost a PIN try.":
        "Die Zugangsnummer (CAN) war falsch. Prüfen Sie die sechs Ziffern auf der Vorderseite der Karte. Das hat keinen PIN-Versuch gekostet.",
    "The PUK was wrong. Check the ten digits in your PIN letter.":
        "Die PUK war falsch. Prüfen Sie die zehn Ziffern in Ihrem PIN-Brief.",
    "%1 (did not work)": "%1 (nicht geklappt)",
    "No real card reader is connected. The demo card listed below is simulated.":
        "Kein echter Kartenleser angeschlossen. Die unten aufgeführte Demokarte ist simuliert.",
})

ENGLISH_PLURALS = {"%n reader(s) found.": ("%n reader found.", "%n readers found.")}
ENGLISH_PLURALS["The PIN letter service is busy right now. Trying again in %n second(s)."] = (
    "The PIN letter service is busy right now. Trying again in %n second.",
    "The PIN letter service is busy right now. Trying again in %n seconds.")
ENGLISH_PLURALS["%n message(s) copied to the clipboard."] = (
    "%n message copied to the clipboard.", "%n messages copied to the clipboard.")


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
