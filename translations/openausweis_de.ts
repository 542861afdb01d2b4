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
    <name>AuthenticationConsent</name>
    <message>
        <source>Age verification</source>
        <translation>Altersbestätigung</translation>
    </message>
    <message>
        <source>Place of residence verification</source>
        <translation>Wohnortbestätigung</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Privileged terminal</source>
        <translation>Privilegiertes Terminal</translation>
    </message>
    <message>
        <source>Access with the CAN</source>
        <translation>Zugriff mit der CAN</translation>
    </message>
    <message>
        <source>PIN management</source>
        <translation>PIN-Verwaltung</translation>
    </message>
    <message>
        <source>Install a certificate</source>
        <translation>Zertifikat installieren</translation>
    </message>
    <message>
        <source>Install a qualified certificate</source>
        <translation>Qualifiziertes Zertifikat installieren</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Dokumentart</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Ausstellender Staat</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <source>Family names</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Religious or artistic name</source>
        <translation>Ordens- oder Künstlername</translation>
    </message>
    <message>
        <source>Doctoral degree</source>
        <translation>Doktorgrad</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Geburtsort</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Optionale Daten</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Geburtsname</translation>
    </message>
    <message>
        <source>Written signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Community ID</source>
        <translation>Gemeindeschlüssel</translation>
    </message>
    <message>
        <source>Residence permit I</source>
        <translation>Nebenbestimmungen I</translation>
    </message>
    <message>
        <source>Residence permit II</source>
        <translation>Nebenbestimmungen II</translation>
    </message>
    <message>
        <source>Optional data (DG21)</source>
        <translation>Optionale Daten (DG21)</translation>
    </message>
    <message>
        <source>Pseudonymous signature</source>
        <translation>Pseudonyme Signatur</translation>
    </message>
    <message>
        <source>Data group right %1</source>
        <translation>Zugriffsrecht %1</translation>
    </message>
    <message>
        <source>A provider wants to read data from your ID card.</source>
        <translation>Ein Anbieter möchte Daten aus Ihrem Ausweis auslesen.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Internetadresse</translation>
    </message>
    <message>
        <source>Authorisation issued by</source>
        <translation>Berechtigung ausgestellt von</translation>
    </message>
    <message>
        <source>Authorisation valid</source>
        <translation>Berechtigung gültig</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Purpose and terms of usage</source>
        <translation>Zweck und Nutzungsbedingungen</translation>
    </message>
    <message>
        <source>The provider gave no terms of usage.</source>
        <translation>Der Anbieter hat keine Nutzungsbedingungen angegeben.</translation>
    </message>
    <message>
        <source>Requested data</source>
        <translation>Angefragte Daten</translation>
    </message>
    <message>
        <source>Required data cannot be switched off; to refuse it, cancel. Optional data is only read while its box is ticked.</source>
        <translation>Erforderliche Daten lassen sich nicht abwählen; um sie zu verweigern, brechen Sie ab. Optionale Daten werden nur gelesen, solange ihr Kästchen angekreuzt ist.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (erforderlich)</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
</context>
<context>
    <name>AuthenticationPage</name>
    <message>
        <source>Identify with your ID card</source>
        <translation>Mit dem Ausweis ausweisen</translation>
    </message>
    <message>
        <source>You have identified yourself successfully.</source>
        <translation>Sie haben sich erfolgreich ausgewiesen.</translation>
    </message>
    <message>
        <source>The authentication was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No ID card was found in time.</source>
        <translation>Es wurde nicht rechtzeitig ein Ausweis gefunden.</translation>
    </message>
    <message>
        <source>The PIN is now blocked. Unblock it with the PUK under PIN management.</source>
        <translation>Die PIN ist jetzt gesperrt. Entsperren Sie sie mit der PUK unter PIN-Verwaltung.</translation>
    </message>
    <message>
        <source>The authentication failed.</source>
        <translation>Das Ausweisen ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Your browser now shows the provider&apos;s page. You can close this window.</source>
        <translation>Ihr Browser zeigt jetzt die Seite des Anbieters. Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>The provider could not be told; your browser shows an error page.</source>
        <translation>Der Anbieter konnte nicht benachrichtigt werden; Ihr Browser zeigt eine Fehlerseite.</translation>
    </message>
    <message>
        <source>Place your ID card on the reader</source>
        <translation>Legen Sie Ihren Ausweis auf den Kartenleser</translation>
    </message>
    <message>
        <source>Waiting for a card in %1.</source>
        <translation>Warte auf eine Karte in %1.</translation>
    </message>
    <message>
        <source>Connect a card reader and place your ID card on it.</source>
        <translation>Schließen Sie einen Kartenleser an und legen Sie Ihren Ausweis darauf.</translation>
    </message>
    <message>
        <source>Several readers hold a card. Which one do you want to use?</source>
        <translation>Auf mehreren Kartenlesern liegt eine Karte. Welche möchten Sie verwenden?</translation>
    </message>
    <message>
        <source>Use the card in %1</source>
        <translation>Die Karte in %1 verwenden</translation>
    </message>
    <message>
        <source>Continue to PIN entry</source>
        <translation>Weiter zur PIN-Eingabe</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technische Einzelheit: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the authentication</source>
        <translation>Den Vorgang abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the authentication result</source>
        <translation>Das Ergebnis schließen</translation>
    </message>
</context>
<context>
    <name>AuthenticationPinpad</name>
    <message>
        <source>Please enter the card access number (CAN) on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie die Zugangsnummer (CAN) am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>Please enter the PUK on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie die PUK am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>Please enter your PIN on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie Ihre PIN am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.</source>
        <translation>Die PIN wurde zweimal falsch eingegeben. Zu Ihrem Schutz braucht der letzte Versuch zuerst die Zugangsnummer, die auf der Vorderseite der Karte steht.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>Die PIN war falsch. Sie haben noch zwei Versuche.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before. Two tries are left.</source>
        <translation>Zuvor wurde eine falsche PIN eingegeben. Sie haben noch zwei Versuche.</translation>
    </message>
    <message>
        <source>This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.</source>
        <translation>Dies ist der letzte Versuch. Ist die PIN wieder falsch, wird sie gesperrt und nur die PUK entsperrt sie.</translation>
    </message>
    <message>
        <source>Your card reader has its own pinpad, so the secret never passes through this computer.</source>
        <translation>Ihr Kartenleser hat ein eigenes Tastenfeld, daher gelangt die Geheimzahl nie auf diesen Computer.</translation>
    </message>
    <message>
        <source>Tries left: %1</source>
        <translation>Verbleibende Versuche: %1</translation>
    </message>
    <message>
        <source>Confirm on the reader when you are done. To stop, press the reader&apos;s cancel key or Cancel below.</source>
        <translation>Bestätigen Sie am Kartenleser, wenn Sie fertig sind. Zum Abbrechen drücken Sie die Abbruchtaste des Kartenlesers oder unten „Abbrechen“.</translation>
    </message>
    <message>
        <source>The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.</source>
        <translation>Der PIN-Rücksetzdienst öffnet Ihre Karte mit der Zugangsnummer auf ihrer Vorderseite statt mit der PIN.</translation>
    </message>
</context>
<context>
    <name>AuthenticationProgress</name>
    <message>
        <source>Cancelling the authentication…</source>
        <translation>Der Vorgang wird abgebrochen …</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Checking the provider</source>
        <translation>Anbieter prüfen</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>Ihre Zustimmung</translation>
    </message>
    <message>
        <source>PIN and card connection</source>
        <translation>PIN und Verbindung zur Karte</translation>
    </message>
    <message>
        <source>Checking the provider&apos;s authorisation and the card&apos;s genuineness</source>
        <translation>Berechtigung des Anbieters und Echtheit der Karte prüfen</translation>
    </message>
    <message>
        <source>Transmitting the data</source>
        <translation>Daten übermitteln</translation>
    </message>
    <message>
        <source>Returning to the provider</source>
        <translation>Zurück zum Anbieter</translation>
    </message>
</context>
<context>
    <name>AuthenticationSecret</name>
    <message>
        <source>Enter the card access number (CAN)</source>
        <translation>Geben Sie die Zugangsnummer (CAN) ein</translation>
    </message>
    <message>
        <source>Enter the PUK</source>
        <translation>Geben Sie die PUK ein</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Geben Sie Ihre PIN ein</translation>
    </message>
    <message>
        <source>CAN (6 digits on the front of the card)</source>
        <translation>CAN (6 Ziffern auf der Vorderseite der Karte)</translation>
    </message>
    <message>
        <source>PUK (10 digits from the PIN letter)</source>
        <translation>PUK (10 Ziffern aus dem PIN-Brief)</translation>
    </message>
    <message>
        <source>PIN (6 digits)</source>
        <translation>PIN (6 Ziffern)</translation>
    </message>
    <message>
        <source>The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.</source>
        <translation>Die PIN wurde zweimal falsch eingegeben. Zu Ihrem Schutz braucht der letzte Versuch zuerst die Zugangsnummer, die auf der Vorderseite der Karte steht.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>Die PIN war falsch. Sie haben noch zwei Versuche.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before. Two tries are left.</source>
        <translation>Zuvor wurde eine falsche PIN eingegeben. Sie haben noch zwei Versuche.</translation>
    </message>
    <message>
        <source>This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.</source>
        <translation>Dies ist der letzte Versuch. Ist die PIN wieder falsch, wird sie gesperrt und nur die PUK entsperrt sie.</translation>
    </message>
    <message>
        <source>The PIN is the six-digit number you chose for your ID card.</source>
        <translation>Die PIN ist die sechsstellige Zahl, die Sie für Ihren Ausweis gewählt haben.</translation>
    </message>
    <message>
        <source>Tries left: %1</source>
        <translation>Verbleibende Versuche: %1</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.</source>
        <translation>Der PIN-Rücksetzdienst öffnet Ihre Karte mit der Zugangsnummer auf ihrer Vorderseite statt mit der PIN.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>DEMO: simulated card</source>
        <translation>DEMO: simulierte Karte</translation>
    </message>
    <message>
        <source>This is the built-in test card, not your ID card. Its data belongs to a test person and nothing done with it has legal effect.</source>
        <translation>Dies ist die eingebaute Testkarte, nicht Ihr Ausweis. Ihre Daten gehören einer Testperson, und nichts, was Sie damit tun, hat rechtliche Wirkung.</translation>
    </message>
</context>
<context>
    <name>DeveloperModeBar</name>
    <message>
        <source>DEVELOPER MODE: test certificates are trusted. Never use it with real services; turn it off in the settings.</source>
        <translation>ENTWICKLERMODUS: Testzertifikate werden akzeptiert. Nie mit echten Diensten verwenden; schalten Sie ihn in den Einstellungen aus.</translation>
    </message>
</context>
<context>
    <name>EidData</name>
    <message>
        <source>Document type</source>
        <translation>Dokumentart</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Ausstellender Staat</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <source>Family names</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Artistic or religious name</source>
        <translation>Künstler- oder Ordensname</translation>
    </message>
    <message>
        <source>Academic title</source>
        <translation>Doktorgrad</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Geburtsort</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Optionale Daten</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Geburtsname</translation>
    </message>
    <message>
        <source>Written signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Date of issuance</source>
        <translation>Ausstellungsdatum</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Community ID</source>
        <translation>Gemeindeschlüssel</translation>
    </message>
    <message>
        <source>Residence permit I</source>
        <translation>Nebenbestimmungen I</translation>
    </message>
    <message>
        <source>Residence permit II</source>
        <translation>Nebenbestimmungen II</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
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
    <name>LogsPage</name>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Messages of this run; they are also written to %1 (the last five runs are kept). They contain no PIN, CAN or PUK.</source>
        <translation>Meldungen dieses Programmlaufs; sie werden auch in %1 geschrieben (die letzten fünf Läufe bleiben erhalten). Sie enthalten keine PIN, CAN oder PUK.</translation>
    </message>
    <message>
        <source>Messages of this run. They contain no PIN, CAN or PUK.</source>
        <translation>Meldungen dieses Programmlaufs. Sie enthalten keine PIN, CAN oder PUK.</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Informationen und wichtiger</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied to the clipboard.</source>
        <translation>
            <numerusform>%n Meldung in die Zwischenablage kopiert.</numerusform>
            <numerusform>%n Meldungen in die Zwischenablage kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the shown messages</source>
        <translation>Die angezeigten Meldungen kopieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export the shown messages to a file</source>
        <translation>Die angezeigten Meldungen in eine Datei exportieren</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Keine Meldung passt.</translation>
    </message>
    <message>
        <source>Log messages</source>
        <translation>Protokollmeldungen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>OpenAusweis (developer mode)</source>
        <translation>OpenAusweis (Entwicklermodus)</translation>
    </message>
    <message>
        <source>Controlled by another application: %1</source>
        <translation>Von einer anderen Anwendung gesteuert: %1</translation>
    </message>
    <message>
        <source>Controlled by another application</source>
        <translation>Von einer anderen Anwendung gesteuert</translation>
    </message>
    <message>
        <source>An application on this computer uses OpenAusweis through its programming interface (SDK). Until it disconnects, it alone uses the card; the workflows of this window wait.</source>
        <translation>Eine Anwendung auf diesem Computer nutzt OpenAusweis über die Programmierschnittstelle (SDK). Bis sie die Verbindung trennt, verwendet nur sie die Karte; die Abläufe dieses Fensters warten.</translation>
    </message>
</context>
<context>
    <name>MyDataPage</name>
    <message>
        <source>My data</source>
        <translation>Meine Daten</translation>
    </message>
    <message>
        <source>Your card was checked as genuine and read.</source>
        <translation>Ihre Karte wurde als echt geprüft und ausgelesen.</translation>
    </message>
    <message>
        <source>No card was found. Place the card on the reader and try again.</source>
        <translation>Es wurde keine Karte gefunden. Legen Sie die Karte auf den Kartenleser und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Please enter your six-digit PIN (and the six-digit CAN if asked).</source>
        <translation>Bitte geben Sie Ihre sechsstellige PIN ein (und, falls verlangt, die sechsstellige CAN).</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>Die PIN war falsch. Sie haben noch zwei Versuche.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Enter the CAN with your PIN for the last try.</source>
        <translation>Die PIN war falsch. Geben Sie für den letzten Versuch die CAN zusammen mit Ihrer PIN ein.</translation>
    </message>
    <message>
        <source>The PIN is blocked. Unblock it with the PUK under PIN management.</source>
        <translation>Die PIN ist gesperrt. Entsperren Sie sie unter „PIN-Verwaltung“ mit der PUK.</translation>
    </message>
    <message>
        <source>Replace the transport PIN with your own PIN under PIN management first.</source>
        <translation>Ersetzen Sie zuerst unter „PIN-Verwaltung“ die Transport-PIN durch Ihre eigene PIN.</translation>
    </message>
    <message>
        <source>The online ID function of this card is switched off.</source>
        <translation>Die Online-Ausweisfunktion dieser Karte ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>The card could not be read.</source>
        <translation>Die Karte konnte nicht ausgelesen werden.</translation>
    </message>
    <message>
        <source>See which data is stored on your card. The data is read only on this computer and is not sent anywhere.</source>
        <translation>Sehen Sie, welche Daten auf Ihrer Karte gespeichert sind. Die Daten werden nur auf diesem Computer gelesen und nirgendwohin gesendet.</translation>
    </message>
    <message>
        <source>PIN (6 digits)</source>
        <translation>PIN (6 Ziffern)</translation>
    </message>
    <message>
        <source>My PIN is suspended: enter the CAN too</source>
        <translation>Meine PIN ist vorübergehend gesperrt: auch die CAN eingeben</translation>
    </message>
    <message>
        <source>Card access number (CAN), 6 digits on the front of the card</source>
        <translation>Zugangsnummer (CAN), 6 Ziffern auf der Vorderseite der Karte</translation>
    </message>
    <message>
        <source>Read my data</source>
        <translation>Meine Daten auslesen</translation>
    </message>
    <message>
        <source>Connecting to the card</source>
        <translation>Verbindung zur Karte</translation>
    </message>
    <message>
        <source>Checking the PIN (PACE)</source>
        <translation>PIN-Prüfung (PACE)</translation>
    </message>
    <message>
        <source>Showing the card who is reading (terminal authentication)</source>
        <translation>Der Karte zeigen, wer liest (Terminal-Authentisierung)</translation>
    </message>
    <message>
        <source>Checking the card is genuine (passive and chip authentication)</source>
        <translation>Echtheit der Karte prüfen (passive und Chip-Authentisierung)</translation>
    </message>
    <message>
        <source>Reading the data</source>
        <translation>Daten auslesen</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technische Einzelheit: %1</translation>
    </message>
    <message>
        <source>Data on the card (demo card)</source>
        <translation>Daten auf der Karte (Demokarte)</translation>
    </message>
    <message>
        <source>Data on the card</source>
        <translation>Daten auf der Karte</translation>
    </message>
    <message>
        <source>DEMO – Test card</source>
        <translation>DEMO – Testkarte</translation>
    </message>
    <message>
        <source>Your ID card</source>
        <translation>Ihr Ausweis</translation>
    </message>
    <message>
        <source>Your card reader has its own pinpad: you enter your PIN on the reader after you start reading.</source>
        <translation>Ihr Kartenleser hat ein eigenes Tastenfeld: Sie geben Ihre PIN am Kartenleser ein, nachdem Sie das Auslesen gestartet haben.</translation>
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
    <message>
        <source>My data</source>
        <translation>Meine Daten</translation>
    </message>
    <message>
        <source>PIN management</source>
        <translation>PIN-Verwaltung</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Replacement PIN</source>
        <translation>Neue PIN</translation>
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
    <name>PinField</name>
    <message>
        <source>%1 of %2 digits entered</source>
        <translation>%1 von %2 Ziffern eingegeben</translation>
    </message>
    <message>
        <source>Hide keypad</source>
        <translation>Ziffernfeld ausblenden</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Ziffernfeld</translation>
    </message>
    <message>
        <source>Hide the on-screen keypad for %1</source>
        <translation>Bildschirm-Ziffernfeld für %1 ausblenden</translation>
    </message>
    <message>
        <source>Show an on-screen keypad for %1</source>
        <translation>Bildschirm-Ziffernfeld für %1 einblenden</translation>
    </message>
    <message>
        <source>Shuffle the keys</source>
        <translation>Tasten mischen</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <source>On-screen keypad</source>
        <translation>Bildschirm-Ziffernfeld</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
</context>
<context>
    <name>PinManagementPage</name>
    <message>
        <source>PIN management</source>
        <translation>PIN-Verwaltung</translation>
    </message>
    <message>
        <source>Your PIN is ready to use</source>
        <translation>Ihre PIN ist einsatzbereit</translation>
    </message>
    <message>
        <source>Two tries left</source>
        <translation>Noch zwei Versuche</translation>
    </message>
    <message>
        <source>PIN suspended: one try left</source>
        <translation>PIN vorübergehend gesperrt: ein Versuch übrig</translation>
    </message>
    <message>
        <source>PIN blocked</source>
        <translation>PIN gesperrt</translation>
    </message>
    <message>
        <source>PIN blocked and PUK used up</source>
        <translation>PIN gesperrt und PUK verbraucht</translation>
    </message>
    <message>
        <source>Transport PIN still active</source>
        <translation>Transport-PIN noch aktiv</translation>
    </message>
    <message>
        <source>Online ID function switched off</source>
        <translation>Online-Ausweisfunktion ausgeschaltet</translation>
    </message>
    <message>
        <source>PIN status not read yet</source>
        <translation>PIN-Status noch nicht gelesen</translation>
    </message>
    <message>
        <source>The card allows %1 tries before the PIN is suspended.</source>
        <translation>Die Karte erlaubt %1 Versuche, bevor die PIN vorübergehend gesperrt wird.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered once. After one more wrong PIN, the card asks for the card access number (CAN) before the last try.</source>
        <translation>Einmal wurde eine falsche PIN eingegeben. Nach einer weiteren falschen PIN verlangt die Karte vor dem letzten Versuch die Zugangsnummer (CAN).</translation>
    </message>
    <message>
        <source>Two wrong PINs were entered. To protect you, the last try needs the six-digit card access number (CAN) printed on the front of the card first.</source>
        <translation>Zweimal wurde eine falsche PIN eingegeben. Zu Ihrem Schutz braucht der letzte Versuch zuerst die sechsstellige Zugangsnummer (CAN) von der Vorderseite der Karte.</translation>
    </message>
    <message>
        <source>The PIN was entered wrongly three times. The ten-digit PUK from your PIN letter unblocks it.</source>
        <translation>Die PIN wurde dreimal falsch eingegeben. Die zehnstellige PUK aus Ihrem PIN-Brief entsperrt sie.</translation>
    </message>
    <message>
        <source>The PIN is blocked and the PUK has been used ten times, so it cannot unblock the PIN any more.</source>
        <translation>Die PIN ist gesperrt und die PUK wurde zehnmal verwendet; sie kann die PIN nicht mehr entsperren.</translation>
    </message>
    <message>
        <source>The card still has the five-digit transport PIN from the PIN letter. Replace it with your own six-digit PIN before the first use.</source>
        <translation>Die Karte hat noch die fünfstellige Transport-PIN aus dem PIN-Brief. Ersetzen Sie sie vor der ersten Nutzung durch Ihre eigene sechsstellige PIN.</translation>
    </message>
    <message>
        <source>The card cannot be used online until the online ID function is switched on.</source>
        <translation>Die Karte kann erst online genutzt werden, wenn die Online-Ausweisfunktion eingeschaltet ist.</translation>
    </message>
    <message>
        <source>Place the card on the reader and read the status. Reading it costs no try.</source>
        <translation>Legen Sie die Karte auf den Kartenleser und lesen Sie den Status. Das Lesen kostet keinen Versuch.</translation>
    </message>
    <message>
        <source>Nothing to do. You can change your PIN at any time.</source>
        <translation>Nichts zu tun. Sie können Ihre PIN jederzeit ändern.</translation>
    </message>
    <message>
        <source>Enter the PIN carefully. If you are unsure, change it now while you still know it.</source>
        <translation>Geben Sie die PIN sorgfältig ein. Wenn Sie unsicher sind, ändern Sie sie jetzt, solange Sie sie noch kennen.</translation>
    </message>
    <message>
        <source>Enter the CAN, then your current PIN, and choose a new PIN.</source>
        <translation>Geben Sie die CAN, dann Ihre aktuelle PIN ein und wählen Sie eine neue PIN.</translation>
    </message>
    <message>
        <source>Enter the PUK from your PIN letter below. The PIN then has three tries again.</source>
        <translation>Geben Sie unten die PUK aus Ihrem PIN-Brief ein. Die PIN hat danach wieder drei Versuche.</translation>
    </message>
    <message>
        <source>Order a new PIN letter with the PIN reset service, or ask your citizens&apos; office for a new PIN.</source>
        <translation>Bestellen Sie beim PIN-Rücksetzdienst einen neuen PIN-Brief oder lassen Sie sich im Bürgeramt eine neue PIN geben.</translation>
    </message>
    <message>
        <source>Enter the five-digit transport PIN and choose your own six-digit PIN.</source>
        <translation>Geben Sie die fünfstellige Transport-PIN ein und wählen Sie Ihre eigene sechsstellige PIN.</translation>
    </message>
    <message>
        <source>Your citizens&apos; office can switch the online ID function on.</source>
        <translation>Ihr Bürgeramt kann die Online-Ausweisfunktion einschalten.</translation>
    </message>
    <message>
        <source>The PIN status was read from the card.</source>
        <translation>Der PIN-Status wurde von der Karte gelesen.</translation>
    </message>
    <message>
        <source>Your PIN was changed. Use the new six-digit PIN from now on.</source>
        <translation>Ihre PIN wurde geändert. Verwenden Sie ab jetzt die neue sechsstellige PIN.</translation>
    </message>
    <message>
        <source>The PIN was unblocked. It has three tries again.</source>
        <translation>Die PIN wurde entsperrt. Sie hat wieder drei Versuche.</translation>
    </message>
    <message>
        <source>No card was found. Place the card on the reader and try again.</source>
        <translation>Es wurde keine Karte gefunden. Legen Sie die Karte auf den Kartenleser und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Please check the digits: the PIN has 6 digits (the transport PIN 5), the CAN 6 and the PUK 10.</source>
        <translation>Bitte prüfen Sie die Ziffern: Die PIN hat 6 Ziffern (die Transport-PIN 5), die CAN 6 und die PUK 10.</translation>
    </message>
    <message>
        <source>That did not work. The current status is shown above.</source>
        <translation>Das hat nicht geklappt. Oben steht der aktuelle Status.</translation>
    </message>
    <message>
        <source>Read PIN status</source>
        <translation>PIN-Status lesen</translation>
    </message>
    <message>
        <source>What do you want to do?</source>
        <translation>Was möchten Sie tun?</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>Unblock with PUK</source>
        <translation>Mit PUK entsperren</translation>
    </message>
    <message>
        <source>First use: I have the five-digit transport PIN from the PIN letter</source>
        <translation>Erste Nutzung: Ich habe die fünfstellige Transport-PIN aus dem PIN-Brief</translation>
    </message>
    <message>
        <source>Card access number (CAN), 6 digits on the front of the card</source>
        <translation>Zugangsnummer (CAN), 6 Ziffern auf der Vorderseite der Karte</translation>
    </message>
    <message>
        <source>Transport PIN (5 digits)</source>
        <translation>Transport-PIN (5 Ziffern)</translation>
    </message>
    <message>
        <source>Current PIN (6 digits)</source>
        <translation>Aktuelle PIN (6 Ziffern)</translation>
    </message>
    <message>
        <source>New PIN (6 digits)</source>
        <translation>Neue PIN (6 Ziffern)</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>⚠ The two new PINs differ.</source>
        <translation>⚠ Die beiden neuen PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <source>PUK (10 digits from the PIN letter)</source>
        <translation>PUK (10 Ziffern aus dem PIN-Brief)</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>PIN entsperren</translation>
    </message>
    <message>
        <source>Connecting to the card</source>
        <translation>Verbindung zur Karte</translation>
    </message>
    <message>
        <source>Checking the PIN (PACE)</source>
        <translation>PIN-Prüfung (PACE)</translation>
    </message>
    <message>
        <source>Writing the new PIN</source>
        <translation>Neue PIN schreiben</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technische Einzelheit: %1</translation>
    </message>
    <message>
        <source>Order a replacement PIN →</source>
        <translation>Neue PIN bestellen →</translation>
    </message>
    <message>
        <source>Order a replacement PIN letter</source>
        <translation>Einen Brief mit neuer PIN bestellen</translation>
    </message>
    <message>
        <source>Your card reader has its own pinpad: you enter the PIN, the CAN and the PUK on the reader, not in this window.</source>
        <translation>Ihr Kartenleser hat ein eigenes Tastenfeld: Sie geben PIN, CAN und PUK am Kartenleser ein, nicht in diesem Fenster.</translation>
    </message>
    <message>
        <source>This card reader takes the current PIN on its pinpad but not a new one. Enter the new PIN here, then change the PIN.</source>
        <translation>Dieser Kartenleser nimmt die aktuelle PIN an seinem Tastenfeld entgegen, aber keine neue. Geben Sie die neue PIN hier ein und ändern Sie dann die PIN.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>Die PIN war falsch. Sie haben noch zwei Versuche.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Before the last try, enter the card access number (CAN) as well.</source>
        <translation>Die PIN war falsch. Geben Sie vor dem letzten Versuch zusätzlich die Zugangsnummer (CAN) ein.</translation>
    </message>
    <message>
        <source>The PIN was wrong for the third time and is now blocked. Unblock it with the PUK from your PIN letter.</source>
        <translation>Die PIN war zum dritten Mal falsch und ist jetzt gesperrt. Entsperren Sie sie mit der PUK aus Ihrem PIN-Brief.</translation>
    </message>
    <message>
        <source>The PIN was wrong.</source>
        <translation>Die PIN war falsch.</translation>
    </message>
    <message>
        <source>The card access number (CAN) was wrong. Check the six digits on the front of the card. This did not cost a PIN try.</source>
        <translation>Die Zugangsnummer (CAN) war falsch. Prüfen Sie die sechs Ziffern auf der Vorderseite der Karte. Das hat keinen PIN-Versuch gekostet.</translation>
    </message>
    <message>
        <source>The PUK was wrong. Check the ten digits in your PIN letter.</source>
        <translation>Die PUK war falsch. Prüfen Sie die zehn Ziffern in Ihrem PIN-Brief.</translation>
    </message>
</context>
<context>
    <name>PinpadPrompt</name>
    <message>
        <source>Please enter the card access number (CAN) on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie die Zugangsnummer (CAN) am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>Please enter the PUK on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie die PUK am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>Please enter your new six-digit PIN on your card reader&apos;s pinpad, then once more to confirm it</source>
        <translation>Bitte geben Sie Ihre neue sechsstellige PIN am Tastenfeld Ihres Kartenlesers ein und zur Bestätigung noch einmal</translation>
    </message>
    <message>
        <source>Please enter your current PIN (or the five-digit transport PIN) on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie Ihre aktuelle PIN (oder die fünfstellige Transport-PIN) am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>Please enter your PIN on your card reader&apos;s pinpad</source>
        <translation>Bitte geben Sie Ihre PIN am Tastenfeld Ihres Kartenlesers ein</translation>
    </message>
    <message>
        <source>Confirm on the reader when you are done; its cancel key stops the operation.</source>
        <translation>Bestätigen Sie am Kartenleser, wenn Sie fertig sind; seine Abbruchtaste beendet den Vorgang.</translation>
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
    <message>
        <source>Reader %1 with its own pinpad</source>
        <translation>Kartenleser %1 mit eigenem Tastenfeld</translation>
    </message>
    <message>
        <source>With its own pinpad: you enter PIN, CAN and PUK on the reader</source>
        <translation>Mit eigenem Tastenfeld: Sie geben PIN, CAN und PUK am Kartenleser ein</translation>
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
    <message>
        <source>No real card reader is connected. The demo card listed below is simulated.</source>
        <translation>Kein echter Kartenleser angeschlossen. Die unten aufgeführte Demokarte ist simuliert.</translation>
    </message>
</context>
<context>
    <name>ReplacementPinPage</name>
    <message>
        <source>Replacement PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>Sending the order to the PIN letter service…</source>
        <translation>Die Bestellung wird an den PIN-Rücksetzdienst gesendet…</translation>
    </message>
    <message>
        <source>Sending the activation code to the PIN letter service…</source>
        <translation>Der Aktivierungscode wird an den PIN-Rücksetzdienst gesendet…</translation>
    </message>
    <message numerus="yes">
        <source>The PIN letter service is busy right now. Trying again in %n second(s).</source>
        <translation>
            <numerusform>Der PIN-Rücksetzdienst ist gerade ausgelastet. Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Der PIN-Rücksetzdienst ist gerade ausgelastet. Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm with your card: enter the card access number (CAN).</source>
        <translation>Bestätigen Sie mit Ihrem Ausweis: Geben Sie die Zugangsnummer (CAN) ein.</translation>
    </message>
    <message>
        <source>Waiting for the service&apos;s confirmation…</source>
        <translation>Warten auf die Bestätigung des Dienstes…</translation>
    </message>
    <message>
        <source>Your PIN letter has been ordered. It will be sent to the address stored on your card.</source>
        <translation>Ihr PIN-Brief wurde bestellt. Er wird an die auf Ihrem Ausweis gespeicherte Anschrift geschickt.</translation>
    </message>
    <message>
        <source>The PIN from your letter is now set and the online ID function is switched on.</source>
        <translation>Die PIN aus Ihrem Brief ist jetzt gesetzt und die Online-Ausweisfunktion ist eingeschaltet.</translation>
    </message>
    <message>
        <source>The PIN letter service is overloaded. Your order is kept: please try again later, for example in an hour.</source>
        <translation>Der PIN-Rücksetzdienst ist überlastet. Ihre Bestellung bleibt gespeichert: Bitte versuchen Sie es später erneut, zum Beispiel in einer Stunde.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
    <message>
        <source>Cancelled. A started order is kept and can be continued later.</source>
        <translation>Abgebrochen. Eine begonnene Bestellung bleibt gespeichert und kann später fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Forgot your PIN, or is it blocked? Order a letter with a new PIN here. You need your ID card and the six-digit card access number (CAN) printed on its front. When the letter has arrived, activate its PIN with the activation code from the letter.</source>
        <translation>PIN vergessen oder gesperrt? Bestellen Sie hier einen Brief mit einer neuen PIN. Sie brauchen Ihren Ausweis und die sechsstellige Zugangsnummer (CAN), die vorne auf dem Ausweis steht. Wenn der Brief angekommen ist, aktivieren Sie seine PIN mit dem Aktivierungscode aus dem Brief.</translation>
    </message>
    <message>
        <source>The replacement PIN is not available in this window.</source>
        <translation>Die neue PIN ist in diesem Fenster nicht verfügbar.</translation>
    </message>
    <message>
        <source>1. Order a PIN letter</source>
        <translation>1. PIN-Brief bestellen</translation>
    </message>
    <message>
        <source>An order was started but not yet confirmed. Ordering again continues it; no second letter is sent.</source>
        <translation>Eine Bestellung wurde begonnen, aber noch nicht bestätigt. Erneutes Bestellen setzt sie fort; es wird kein zweiter Brief verschickt.</translation>
    </message>
    <message>
        <source>Continue the order</source>
        <translation>Bestellung fortsetzen</translation>
    </message>
    <message>
        <source>Order a PIN letter</source>
        <translation>PIN-Brief bestellen</translation>
    </message>
    <message>
        <source>Letters ordered so far:</source>
        <translation>Bisher bestellte Briefe:</translation>
    </message>
    <message>
        <source>Order reference %1</source>
        <translation>Bestellnummer %1</translation>
    </message>
    <message>
        <source>2. Activate the PIN from the letter</source>
        <translation>2. PIN aus dem Brief aktivieren</translation>
    </message>
    <message>
        <source>Enter the activation code printed in your PIN letter.</source>
        <translation>Geben Sie den Aktivierungscode aus Ihrem PIN-Brief ein.</translation>
    </message>
    <message>
        <source>Activation code</source>
        <translation>Aktivierungscode</translation>
    </message>
    <message>
        <source>Activation code from the PIN letter</source>
        <translation>Aktivierungscode aus dem PIN-Brief</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Activate the PIN from the letter</source>
        <translation>PIN aus dem Brief aktivieren</translation>
    </message>
    <message>
        <source>DEMO: the PIN letter service is the local simulation world. No real letter is sent; the demo letter appears on the service&apos;s mailbox page.</source>
        <translation>DEMO: Der PIN-Rücksetzdienst ist die lokale Simulationsumgebung. Es wird kein echter Brief verschickt; der Demo-Brief erscheint auf der Postfachseite des Dienstes.</translation>
    </message>
    <message>
        <source>Starting the local demo PIN letter service…</source>
        <translation>Der lokale Demo-PIN-Rücksetzdienst wird gestartet…</translation>
    </message>
</context>
<context>
    <name>ReplacementPinService</name>
    <message>
        <source>PIN letter service</source>
        <translation>PIN-Rücksetzdienst</translation>
    </message>
    <message>
        <source>The local demo service (started with the first order)</source>
        <translation>Der lokale Demo-Dienst (startet mit der ersten Bestellung)</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>Noch keiner gewählt</translation>
    </message>
    <message>
        <source>PIN letter service: %1</source>
        <translation>PIN-Rücksetzdienst: %1</translation>
    </message>
    <message>
        <source>Change in Settings</source>
        <translation>In den Einstellungen ändern</translation>
    </message>
    <message>
        <source>Change the PIN letter service in Settings</source>
        <translation>Den PIN-Rücksetzdienst in den Einstellungen ändern</translation>
    </message>
</context>
<context>
    <name>ReplacementPinStatus</name>
    <message>
        <source>Order reference: %1</source>
        <translation>Bestellnummer: %1</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the replacement PIN request</source>
        <translation>Anfrage für die neue PIN abbrechen</translation>
    </message>
    <message>
        <source>Change the letter&apos;s PIN to one of your choice</source>
        <translation>PIN aus dem Brief durch eine eigene ersetzen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
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
    <message>
        <source>Card reader</source>
        <translation>Kartenleser</translation>
    </message>
    <message>
        <source>With several readers connected, OpenAusweis uses the chosen one while it holds a card, otherwise the first reader with a card.</source>
        <translation>Sind mehrere Kartenleser angeschlossen, verwendet OpenAusweis den gewählten, solange darauf eine Karte liegt, sonst den ersten Kartenleser mit Karte.</translation>
    </message>
    <message>
        <source>Automatic: the first reader with a card</source>
        <translation>Automatisch: der erste Kartenleser mit Karte</translation>
    </message>
    <message>
        <source>Preferred card reader</source>
        <translation>Bevorzugter Kartenleser</translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation>Starten und Schließen</translation>
    </message>
    <message>
        <source>Start OpenAusweis with the desktop session</source>
        <translation>OpenAusweis mit der Sitzung starten</translation>
    </message>
    <message>
        <source>OpenAusweis then waits in the background for the browser, with its window hidden behind the tray icon (shown if the desktop has no tray).</source>
        <translation>OpenAusweis wartet dann im Hintergrund auf den Browser, das Fenster verborgen hinter dem Symbol im Systembereich (es erscheint, wenn die Arbeitsumgebung keinen Systembereich hat).</translation>
    </message>
    <message>
        <source>Autostart could not be changed: %1</source>
        <translation>Der automatische Start konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Show an icon in the system tray</source>
        <translation>Symbol im Systembereich anzeigen</translation>
    </message>
    <message>
        <source>Closing the window keeps OpenAusweis ready for the browser; the tray icon opens it again or quits it.</source>
        <translation>Nach dem Schließen des Fensters bleibt OpenAusweis für den Browser bereit; über das Symbol im Systembereich öffnen Sie es wieder oder beenden es.</translation>
    </message>
    <message>
        <source>Closing the window quits OpenAusweis; the browser can then not reach it.</source>
        <translation>Das Schließen des Fensters beendet OpenAusweis; der Browser erreicht es dann nicht mehr.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits OpenAusweis; the browser can then not reach it.</source>
        <translation>Diese Arbeitsumgebung hat keinen Systembereich, daher beendet das Schließen des Fensters OpenAusweis; der Browser erreicht es dann nicht mehr.</translation>
    </message>
    <message>
        <source>Developer mode</source>
        <translation>Entwicklermodus</translation>
    </message>
    <message>
        <source>For developers of eID services: OpenAusweis also trusts the test certificates (test PKI) for cards and services. Never turn it on to use real services; the whole window is marked while it is on.</source>
        <translation>Für Entwickler von eID-Diensten: OpenAusweis akzeptiert auch die Testzertifikate (Test-PKI) für Karten und Dienste. Schalten Sie ihn nie ein, um echte Dienste zu nutzen; solange er an ist, ist das ganze Fenster gekennzeichnet.</translation>
    </message>
    <message>
        <source>Replacement PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>The PIN letter service orders a letter with a new PIN when yours is forgotten or blocked. Its address starts with https://.</source>
        <translation>Beim PIN-Rücksetzdienst bestellen Sie einen Brief mit einer neuen PIN, wenn Sie Ihre vergessen haben oder sie gesperrt ist. Seine Adresse beginnt mit https://.</translation>
    </message>
    <message>
        <source>Address of the PIN letter service</source>
        <translation>Adresse des PIN-Rücksetzdienstes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the address of the PIN letter service</source>
        <translation>Adresse des PIN-Rücksetzdienstes speichern</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Standard verwenden</translation>
    </message>
    <message>
        <source>Use the default PIN letter service</source>
        <translation>Den Standard-PIN-Rücksetzdienst verwenden</translation>
    </message>
    <message>
        <source>Please enter an address starting with https://, without user name, query or fragment.</source>
        <translation>Bitte geben Sie eine Adresse ein, die mit https:// beginnt, ohne Benutzernamen, Abfrage oder Fragment.</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Verwendet: %1</translation>
    </message>
    <message>
        <source>In use: %1 (the default)</source>
        <translation>Verwendet: %1 (Standard)</translation>
    </message>
    <message>
        <source>No service is chosen. In demo mode the local simulation world&apos;s demo service is used.</source>
        <translation>Es ist kein Dienst gewählt. Im Demomodus wird der Demo-Dienst der lokalen Simulationsumgebung verwendet.</translation>
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
<context>
    <name>StepList</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1 (läuft)</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (erledigt)</translation>
    </message>
    <message>
        <source>%1 (did not work)</source>
        <translation>%1 (nicht geklappt)</translation>
    </message>
</context>
<context>
    <name>oa::AppSettings</name>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>oa::PinLetterController</name>
    <message>
        <source>No replacement PIN service is configured.</source>
        <translation>Es ist kein PIN-Rücksetzdienst eingerichtet.</translation>
    </message>
    <message>
        <source>OpenAusweis is busy with another card operation. Please try again when it has finished.</source>
        <translation>OpenAusweis ist mit einem anderen Kartenvorgang beschäftigt. Bitte versuchen Sie es erneut, wenn er beendet ist.</translation>
    </message>
    <message>
        <source>The PIN letter service could not be started. Please try again later.</source>
        <translation>Der PIN-Rücksetzdienst konnte nicht gestartet werden. Bitte versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>oa::TrayIcon</name>
    <message>
        <source>OpenAusweis: ready for eID requests from the browser</source>
        <translation>OpenAusweis: bereit für eID-Anfragen aus dem Browser</translation>
    </message>
    <message>
        <source>Open OpenAusweis</source>
        <translation>OpenAusweis öffnen</translation>
    </message>
    <message>
        <source>Quit OpenAusweis</source>
        <translation>OpenAusweis beenden</translation>
    </message>
</context>
</TS>
