<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About OpenAusweis</source>
        <translation>Über OpenAusweis</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Licence: European Union Public Licence (EUPL) 1.2</source>
        <translation>Lizenz: Europäische Union Public Licence (EUPL) 1.2</translation>
    </message>
    <message>
        <source>OpenAusweis is an independent project and not an official product of the German federal government.</source>
        <translation>OpenAusweis ist ein unabhängiges Projekt und kein offizielles Produkt der Bundesregierung.</translation>
    </message>
    <message>
        <source>OpenAusweis is an open-source client for the online function of the German ID card, the electronic residence permit and the eID card for Union citizens. It is being built to let you prove your identity to online services, change your PIN and see the data stored on your card.</source>
        <translation>OpenAusweis ist ein quelloffenes Programm für die Online-Ausweisfunktion des Personalausweises, des elektronischen Aufenthaltstitels und der eID-Karte für Unionsbürger. Es entsteht, damit Sie sich bei Online-Diensten ausweisen, Ihre PIN ändern und die auf Ihrer Karte gespeicherten Daten ansehen können.</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Help and about</source>
        <translation>Hilfe und Info</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Was Sie brauchen</translation>
    </message>
    <message>
        <source>My card is not found</source>
        <translation>Meine Karte wird nicht gefunden</translation>
    </message>
    <message>
        <source>Open “Readers &amp; diagnosis”. It shows whether the PC/SC service is running, which readers are connected and whether a card lies on them. Move the card slowly on the reader if it is not detected.</source>
        <translation>Öffnen Sie „Kartenleser &amp; Diagnose“. Dort sehen Sie, ob der PC/SC-Dienst läuft, welche Kartenleser angeschlossen sind und ob eine Karte aufliegt. Wird die Karte nicht erkannt, bewegen Sie sie langsam auf dem Kartenleser.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Tab moves between controls, the arrow keys move within the navigation, Enter or Space activates.</source>
        <translation>Die Tabulatortaste wechselt zwischen den Bedienelementen, die Pfeiltasten bewegen sich in der Navigation, Eingabe oder Leertaste lösen aus.</translation>
    </message>
    <message>
        <source>About OpenAusweis</source>
        <translation>Über OpenAusweis</translation>
    </message>
    <message>
        <source>An ID card with the online function switched on, your six-digit PIN, and a card reader for contactless cards (NFC), for example a USB reader.</source>
        <translation>Einen Ausweis mit eingeschalteter Online-Ausweisfunktion, Ihre sechsstellige PIN und einen Kartenleser für kontaktlose Karten (NFC), zum Beispiel ein USB-Lesegerät.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Screens</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Readers &amp; diagnosis</source>
        <translation>Kartenleser &amp; Diagnose</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Help and about</source>
        <translation>Hilfe und Info</translation>
    </message>
</context>
<context>
    <name>NavigationButton</name>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, erfordert Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>ReaderDelegate</name>
    <message>
        <source>Demo card (simulated)</source>
        <translation>Demokarte (simuliert)</translation>
    </message>
    <message>
        <source>Card inserted</source>
        <translation>Karte aufgelegt</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>Keine Karte</translation>
    </message>
    <message>
        <source>Simulated reader %1 for trying out the app</source>
        <translation>Simulierter Kartenleser %1 zum Ausprobieren</translation>
    </message>
    <message>
        <source>Reader %1</source>
        <translation>Kartenleser %1</translation>
    </message>
    <message>
        <source>Simulated reader “%1” – no real card is used</source>
        <translation>Simulierter Kartenleser „%1“ – es wird keine echte Karte verwendet</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Anbindung: %1</translation>
    </message>
    <message>
        <source>PC/SC</source>
        <translation>PC/SC</translation>
    </message>
    <message>
        <source>ATR: %1</source>
        <translation>ATR: %1</translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Readers &amp; diagnosis</source>
        <translation>Kartenleser &amp; Diagnose</translation>
    </message>
    <message>
        <source>PC/SC service: running</source>
        <translation>PC/SC-Dienst: läuft</translation>
    </message>
    <message>
        <source>PC/SC service: not running</source>
        <translation>PC/SC-Dienst: läuft nicht</translation>
    </message>
    <message numerus="yes">
        <source>%n reader(s) found.</source>
        <translation>
            <numerusform>%n Kartenleser gefunden.</numerusform>
            <numerusform>%n Kartenleser gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start the service pcscd, for example with “sudo systemctl start pcscd.socket”. Readers appear here by themselves once it runs.</source>
        <translation>Starten Sie den Dienst pcscd, zum Beispiel mit „sudo systemctl start pcscd.socket“. Sobald er läuft, erscheinen die Kartenleser hier von selbst.</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Kartenleser</translation>
    </message>
    <message>
        <source>No reader found.</source>
        <translation>Kein Kartenleser gefunden.</translation>
    </message>
    <message>
        <source>Diagnosis report</source>
        <translation>Diagnosebericht</translation>
    </message>
    <message>
        <source>Attach this report when you ask for help. It contains no personal data and no PIN.</source>
        <translation>Fügen Sie diesen Bericht an, wenn Sie um Hilfe bitten. Er enthält keine persönlichen Daten und keine PIN.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demomodus</translation>
    </message>
    <message>
        <source>Demo mode offers a simulated card for trying out OpenAusweis. It is clearly marked and never used instead of your own card without you choosing it.</source>
        <translation>Der Demomodus bietet eine simulierte Karte zum Ausprobieren von OpenAusweis. Sie ist deutlich gekennzeichnet und wird nie ohne Ihre Wahl anstelle Ihrer eigenen Karte verwendet.</translation>
    </message>
    <message>
        <source>Only while no card reader is connected</source>
        <translation>Nur solange kein Kartenleser angeschlossen ist</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to OpenAusweis</source>
        <translation>Willkommen bei OpenAusweis</translation>
    </message>
    <message>
        <source>Use your German ID card, electronic residence permit or eID card for Union citizens online.</source>
        <translation>Nutzen Sie Ihren Personalausweis, Ihren elektronischen Aufenthaltstitel oder Ihre eID-Karte für Unionsbürger online.</translation>
    </message>
    <message>
        <source>The smart card service is not running</source>
        <translation>Der Chipkartendienst läuft nicht</translation>
    </message>
    <message>
        <source>No card reader connected</source>
        <translation>Kein Kartenleser angeschlossen</translation>
    </message>
    <message>
        <source>Place your ID card on the reader</source>
        <translation>Legen Sie Ihren Ausweis auf den Kartenleser</translation>
    </message>
    <message>
        <source>Your ID card is ready</source>
        <translation>Ihr Ausweis ist bereit</translation>
    </message>
    <message>
        <source>OpenAusweis talks to card readers through the PC/SC service (pcscd). Start it, for example with “sudo systemctl start pcscd.socket”. This screen updates by itself.</source>
        <translation>OpenAusweis spricht über den PC/SC-Dienst (pcscd) mit Kartenlesern. Starten Sie ihn, zum Beispiel mit „sudo systemctl start pcscd.socket“. Diese Anzeige aktualisiert sich von selbst.</translation>
    </message>
    <message>
        <source>Put the card on the reader and leave it there until the process is finished.</source>
        <translation>Legen Sie die Karte auf den Kartenleser und lassen Sie sie dort, bis der Vorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>A card was detected. Nothing else needs to be done for now.</source>
        <translation>Eine Karte wurde erkannt. Im Moment ist nichts weiter zu tun.</translation>
    </message>
    <message>
        <source>Demo mode is on</source>
        <translation>Der Demomodus ist an</translation>
    </message>
    <message>
        <source>A simulated card lets you try out OpenAusweis without a reader. It is not your ID card, and nothing done with it has legal effect. You can switch demo mode off in the settings.</source>
        <translation>Mit einer simulierten Karte können Sie OpenAusweis ohne Kartenleser ausprobieren. Sie ist nicht Ihr Ausweis, und nichts, was Sie damit tun, ist rechtlich wirksam. Sie können den Demomodus in den Einstellungen ausschalten.</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Kartenleser</translation>
    </message>
    <message>
        <source>Show readers and diagnosis</source>
        <translation>Kartenleser und Diagnose anzeigen</translation>
    </message>
    <message>
        <source>Connect a card reader for contactless cards. This screen updates by itself as soon as a reader appears.</source>
        <translation>Schließen Sie einen Kartenleser für kontaktlose Karten an. Diese Anzeige aktualisiert sich von selbst, sobald ein Kartenleser erscheint.</translation>
    </message>
</context>
</TS>
