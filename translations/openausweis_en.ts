<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About OpenAusweis</source>
        <translation>About OpenAusweis</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Licence: European Union Public Licence (EUPL) 1.2</source>
        <translation>Licence: European Union Public Licence (EUPL) 1.2</translation>
    </message>
    <message>
        <source>OpenAusweis is an independent project and not an official product of the German federal government.</source>
        <translation>OpenAusweis is an independent project and not an official product of the German federal government.</translation>
    </message>
    <message>
        <source>OpenAusweis is an open-source client for the online function of the German ID card, the electronic residence permit and the eID card for Union citizens. It is being built to let you prove your identity to online services, change your PIN and see the data stored on your card.</source>
        <translation>OpenAusweis is an open-source client for the online function of the German ID card, the electronic residence permit and the eID card for Union citizens. It is being built to let you prove your identity to online services, change your PIN and see the data stored on your card.</translation>
    </message>
</context>
<context>
    <name>AuthenticationConsent</name>
    <message>
        <source>Age verification</source>
        <translation>Age verification</translation>
    </message>
    <message>
        <source>Place of residence verification</source>
        <translation>Place of residence verification</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Privileged terminal</source>
        <translation>Privileged terminal</translation>
    </message>
    <message>
        <source>Access with the CAN</source>
        <translation>Access with the CAN</translation>
    </message>
    <message>
        <source>PIN management</source>
        <translation>PIN management</translation>
    </message>
    <message>
        <source>Install a certificate</source>
        <translation>Install a certificate</translation>
    </message>
    <message>
        <source>Install a qualified certificate</source>
        <translation>Install a qualified certificate</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Issuing state</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Date of expiry</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Family names</source>
        <translation>Family names</translation>
    </message>
    <message>
        <source>Religious or artistic name</source>
        <translation>Religious or artistic name</translation>
    </message>
    <message>
        <source>Doctoral degree</source>
        <translation>Doctoral degree</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Optional data</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Birth name</translation>
    </message>
    <message>
        <source>Written signature</source>
        <translation>Written signature</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Community ID</source>
        <translation>Community ID</translation>
    </message>
    <message>
        <source>Residence permit I</source>
        <translation>Residence permit I</translation>
    </message>
    <message>
        <source>Residence permit II</source>
        <translation>Residence permit II</translation>
    </message>
    <message>
        <source>Optional data (DG21)</source>
        <translation>Optional data (DG21)</translation>
    </message>
    <message>
        <source>Pseudonymous signature</source>
        <translation>Pseudonymous signature</translation>
    </message>
    <message>
        <source>Data group right %1</source>
        <translation>Data group right %1</translation>
    </message>
    <message>
        <source>A provider wants to read data from your ID card.</source>
        <translation>A provider wants to read data from your ID card.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Web address</translation>
    </message>
    <message>
        <source>Authorisation issued by</source>
        <translation>Authorisation issued by</translation>
    </message>
    <message>
        <source>Authorisation valid</source>
        <translation>Authorisation valid</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Purpose and terms of usage</source>
        <translation>Purpose and terms of usage</translation>
    </message>
    <message>
        <source>The provider gave no terms of usage.</source>
        <translation>The provider gave no terms of usage.</translation>
    </message>
    <message>
        <source>Requested data</source>
        <translation>Requested data</translation>
    </message>
    <message>
        <source>Required data cannot be switched off; to refuse it, cancel. Optional data is only read while its box is ticked.</source>
        <translation>Required data cannot be switched off; to refuse it, cancel. Optional data is only read while its box is ticked.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (required)</translation>
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
        <translation>Identify with your ID card</translation>
    </message>
    <message>
        <source>You have identified yourself successfully.</source>
        <translation>You have identified yourself successfully.</translation>
    </message>
    <message>
        <source>The authentication was cancelled.</source>
        <translation>The authentication was cancelled.</translation>
    </message>
    <message>
        <source>No ID card was found in time.</source>
        <translation>No ID card was found in time.</translation>
    </message>
    <message>
        <source>The PIN is now blocked. Unblock it with the PUK under PIN management.</source>
        <translation>The PIN is now blocked. Unblock it with the PUK under PIN management.</translation>
    </message>
    <message>
        <source>The authentication failed.</source>
        <translation>The authentication failed.</translation>
    </message>
    <message>
        <source>Your browser now shows the provider&apos;s page. You can close this window.</source>
        <translation>Your browser now shows the provider&apos;s page. You can close this window.</translation>
    </message>
    <message>
        <source>The provider could not be told; your browser shows an error page.</source>
        <translation>The provider could not be told; your browser shows an error page.</translation>
    </message>
    <message>
        <source>Place your ID card on the reader</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <source>Waiting for a card in %1.</source>
        <translation>Waiting for a card in %1.</translation>
    </message>
    <message>
        <source>Connect a card reader and place your ID card on it.</source>
        <translation>Connect a card reader and place your ID card on it.</translation>
    </message>
    <message>
        <source>Several readers hold a card. Which one do you want to use?</source>
        <translation>Several readers hold a card. Which one do you want to use?</translation>
    </message>
    <message>
        <source>Use the card in %1</source>
        <translation>Use the card in %1</translation>
    </message>
    <message>
        <source>Continue to PIN entry</source>
        <translation>Continue to PIN entry</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technical detail: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel the authentication</source>
        <translation>Cancel the authentication</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the authentication result</source>
        <translation>Close the authentication result</translation>
    </message>
</context>
<context>
    <name>AuthenticationPinpad</name>
    <message>
        <source>Please enter the card access number (CAN) on your card reader&apos;s pinpad</source>
        <translation>Please enter the card access number (CAN) on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>Please enter the PUK on your card reader&apos;s pinpad</source>
        <translation>Please enter the PUK on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>Please enter your PIN on your card reader&apos;s pinpad</source>
        <translation>Please enter your PIN on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.</source>
        <translation>The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>The PIN was wrong. Two tries are left.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before. Two tries are left.</source>
        <translation>A wrong PIN was entered before. Two tries are left.</translation>
    </message>
    <message>
        <source>This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.</source>
        <translation>This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.</translation>
    </message>
    <message>
        <source>Your card reader has its own pinpad, so the secret never passes through this computer.</source>
        <translation>Your card reader has its own pinpad, so the secret never passes through this computer.</translation>
    </message>
    <message>
        <source>Tries left: %1</source>
        <translation>Tries left: %1</translation>
    </message>
    <message>
        <source>Confirm on the reader when you are done. To stop, press the reader&apos;s cancel key or Cancel below.</source>
        <translation>Confirm on the reader when you are done. To stop, press the reader&apos;s cancel key or Cancel below.</translation>
    </message>
    <message>
        <source>The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.</source>
        <translation>The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.</translation>
    </message>
</context>
<context>
    <name>AuthenticationProgress</name>
    <message>
        <source>Cancelling the authentication…</source>
        <translation>Cancelling the authentication…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Checking the provider</source>
        <translation>Checking the provider</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>Your consent</translation>
    </message>
    <message>
        <source>PIN and card connection</source>
        <translation>PIN and card connection</translation>
    </message>
    <message>
        <source>Checking the provider&apos;s authorisation and the card&apos;s genuineness</source>
        <translation>Checking the provider&apos;s authorisation and the card&apos;s genuineness</translation>
    </message>
    <message>
        <source>Transmitting the data</source>
        <translation>Transmitting the data</translation>
    </message>
    <message>
        <source>Returning to the provider</source>
        <translation>Returning to the provider</translation>
    </message>
</context>
<context>
    <name>AuthenticationSecret</name>
    <message>
        <source>Enter the card access number (CAN)</source>
        <translation>Enter the card access number (CAN)</translation>
    </message>
    <message>
        <source>Enter the PUK</source>
        <translation>Enter the PUK</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Enter your PIN</translation>
    </message>
    <message>
        <source>CAN (6 digits on the front of the card)</source>
        <translation>CAN (6 digits on the front of the card)</translation>
    </message>
    <message>
        <source>PUK (10 digits from the PIN letter)</source>
        <translation>PUK (10 digits from the PIN letter)</translation>
    </message>
    <message>
        <source>PIN (6 digits)</source>
        <translation>PIN (6 digits)</translation>
    </message>
    <message>
        <source>The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.</source>
        <translation>The PIN was entered wrongly twice. To protect you, the last try needs the card access number printed on the front of the card first.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>The PIN was wrong. Two tries are left.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before. Two tries are left.</source>
        <translation>A wrong PIN was entered before. Two tries are left.</translation>
    </message>
    <message>
        <source>This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.</source>
        <translation>This is the last try. If the PIN is wrong again, it is blocked and only the PUK unblocks it.</translation>
    </message>
    <message>
        <source>The PIN is the six-digit number you chose for your ID card.</source>
        <translation>The PIN is the six-digit number you chose for your ID card.</translation>
    </message>
    <message>
        <source>Tries left: %1</source>
        <translation>Tries left: %1</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.</source>
        <translation>The PIN reset service opens your card with the card access number printed on its front, instead of the PIN.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>DEMO: simulated card</source>
        <translation>DEMO: simulated card</translation>
    </message>
    <message>
        <source>This is the built-in test card, not your ID card. Its data belongs to a test person and nothing done with it has legal effect.</source>
        <translation>This is the built-in test card, not your ID card. Its data belongs to a test person and nothing done with it has legal effect.</translation>
    </message>
</context>
<context>
    <name>DeveloperModeBar</name>
    <message>
        <source>DEVELOPER MODE: test certificates are trusted. Never use it with real services; turn it off in the settings.</source>
        <translation>DEVELOPER MODE: test certificates are trusted. Never use it with real services; turn it off in the settings.</translation>
    </message>
</context>
<context>
    <name>EidData</name>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Issuing state</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Date of expiry</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Family names</source>
        <translation>Family names</translation>
    </message>
    <message>
        <source>Artistic or religious name</source>
        <translation>Artistic or religious name</translation>
    </message>
    <message>
        <source>Academic title</source>
        <translation>Academic title</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Optional data</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Birth name</translation>
    </message>
    <message>
        <source>Written signature</source>
        <translation>Written signature</translation>
    </message>
    <message>
        <source>Date of issuance</source>
        <translation>Date of issuance</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Community ID</source>
        <translation>Community ID</translation>
    </message>
    <message>
        <source>Residence permit I</source>
        <translation>Residence permit I</translation>
    </message>
    <message>
        <source>Residence permit II</source>
        <translation>Residence permit II</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Help and about</source>
        <translation>Help and about</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>What you need</translation>
    </message>
    <message>
        <source>My card is not found</source>
        <translation>My card is not found</translation>
    </message>
    <message>
        <source>Open “Readers &amp; diagnosis”. It shows whether the PC/SC service is running, which readers are connected and whether a card lies on them. Move the card slowly on the reader if it is not detected.</source>
        <translation>Open “Readers &amp; diagnosis”. It shows whether the PC/SC service is running, which readers are connected and whether a card lies on them. Move the card slowly on the reader if it is not detected.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>Tab moves between controls, the arrow keys move within the navigation, Enter or Space activates.</source>
        <translation>Tab moves between controls, the arrow keys move within the navigation, Enter or Space activates.</translation>
    </message>
    <message>
        <source>About OpenAusweis</source>
        <translation>About OpenAusweis</translation>
    </message>
    <message>
        <source>An ID card with the online function switched on, your six-digit PIN, and a card reader for contactless cards (NFC), for example a USB reader.</source>
        <translation>An ID card with the online function switched on, your six-digit PIN, and a card reader for contactless cards (NFC), for example a USB reader.</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Messages of this run; they are also written to %1 (the last five runs are kept). They contain no PIN, CAN or PUK.</source>
        <translation>Messages of this run; they are also written to %1 (the last five runs are kept). They contain no PIN, CAN or PUK.</translation>
    </message>
    <message>
        <source>Messages of this run. They contain no PIN, CAN or PUK.</source>
        <translation>Messages of this run. They contain no PIN, CAN or PUK.</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>All messages</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information and above</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Search the log</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied to the clipboard.</source>
        <translation>
            <numerusform>%n message copied to the clipboard.</numerusform>
            <numerusform>%n messages copied to the clipboard.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the shown messages</source>
        <translation>Copy the shown messages</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Export the log</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Export the shown messages to a file</source>
        <translation>Export the shown messages to a file</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>No messages match.</translation>
    </message>
    <message>
        <source>Log messages</source>
        <translation>Log messages</translation>
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
        <translation>OpenAusweis (developer mode)</translation>
    </message>
    <message>
        <source>Controlled by another application: %1</source>
        <translation>Controlled by another application: %1</translation>
    </message>
    <message>
        <source>Controlled by another application</source>
        <translation>Controlled by another application</translation>
    </message>
    <message>
        <source>An application on this computer uses OpenAusweis through its programming interface (SDK). Until it disconnects, it alone uses the card; the workflows of this window wait.</source>
        <translation>An application on this computer uses OpenAusweis through its programming interface (SDK). Until it disconnects, it alone uses the card; the workflows of this window wait.</translation>
    </message>
</context>
<context>
    <name>MyDataPage</name>
    <message>
        <source>My data</source>
        <translation>My data</translation>
    </message>
    <message>
        <source>Your card was checked as genuine and read.</source>
        <translation>Your card was checked as genuine and read.</translation>
    </message>
    <message>
        <source>No card was found. Place the card on the reader and try again.</source>
        <translation>No card was found. Place the card on the reader and try again.</translation>
    </message>
    <message>
        <source>Please enter your six-digit PIN (and the six-digit CAN if asked).</source>
        <translation>Please enter your six-digit PIN (and the six-digit CAN if asked).</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>The PIN was wrong. Two tries are left.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Enter the CAN with your PIN for the last try.</source>
        <translation>The PIN was wrong. Enter the CAN with your PIN for the last try.</translation>
    </message>
    <message>
        <source>The PIN is blocked. Unblock it with the PUK under PIN management.</source>
        <translation>The PIN is blocked. Unblock it with the PUK under PIN management.</translation>
    </message>
    <message>
        <source>Replace the transport PIN with your own PIN under PIN management first.</source>
        <translation>Replace the transport PIN with your own PIN under PIN management first.</translation>
    </message>
    <message>
        <source>The online ID function of this card is switched off.</source>
        <translation>The online ID function of this card is switched off.</translation>
    </message>
    <message>
        <source>The card could not be read.</source>
        <translation>The card could not be read.</translation>
    </message>
    <message>
        <source>See which data is stored on your card. The data is read only on this computer and is not sent anywhere.</source>
        <translation>See which data is stored on your card. The data is read only on this computer and is not sent anywhere.</translation>
    </message>
    <message>
        <source>PIN (6 digits)</source>
        <translation>PIN (6 digits)</translation>
    </message>
    <message>
        <source>My PIN is suspended: enter the CAN too</source>
        <translation>My PIN is suspended: enter the CAN too</translation>
    </message>
    <message>
        <source>Card access number (CAN), 6 digits on the front of the card</source>
        <translation>Card access number (CAN), 6 digits on the front of the card</translation>
    </message>
    <message>
        <source>Read my data</source>
        <translation>Read my data</translation>
    </message>
    <message>
        <source>Connecting to the card</source>
        <translation>Connecting to the card</translation>
    </message>
    <message>
        <source>Checking the PIN (PACE)</source>
        <translation>Checking the PIN (PACE)</translation>
    </message>
    <message>
        <source>Showing the card who is reading (terminal authentication)</source>
        <translation>Showing the card who is reading (terminal authentication)</translation>
    </message>
    <message>
        <source>Checking the card is genuine (passive and chip authentication)</source>
        <translation>Checking the card is genuine (passive and chip authentication)</translation>
    </message>
    <message>
        <source>Reading the data</source>
        <translation>Reading the data</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technical detail: %1</translation>
    </message>
    <message>
        <source>Data on the card (demo card)</source>
        <translation>Data on the card (demo card)</translation>
    </message>
    <message>
        <source>Data on the card</source>
        <translation>Data on the card</translation>
    </message>
    <message>
        <source>DEMO – Test card</source>
        <translation>DEMO – Test card</translation>
    </message>
    <message>
        <source>Your ID card</source>
        <translation>Your ID card</translation>
    </message>
    <message>
        <source>Your card reader has its own pinpad: you enter your PIN on the reader after you start reading.</source>
        <translation>Your card reader has its own pinpad: you enter your PIN on the reader after you start reading.</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Screens</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Readers &amp; diagnosis</source>
        <translation>Readers &amp; diagnosis</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Help and about</source>
        <translation>Help and about</translation>
    </message>
    <message>
        <source>My data</source>
        <translation>My data</translation>
    </message>
    <message>
        <source>PIN management</source>
        <translation>PIN management</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Replacement PIN</source>
        <translation>Replacement PIN</translation>
    </message>
</context>
<context>
    <name>NavigationButton</name>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, needs attention</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message>
        <source>%1 of %2 digits entered</source>
        <translation>%1 of %2 digits entered</translation>
    </message>
    <message>
        <source>Hide keypad</source>
        <translation>Hide keypad</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <source>Hide the on-screen keypad for %1</source>
        <translation>Hide the on-screen keypad for %1</translation>
    </message>
    <message>
        <source>Show an on-screen keypad for %1</source>
        <translation>Show an on-screen keypad for %1</translation>
    </message>
    <message>
        <source>Shuffle the keys</source>
        <translation>Shuffle the keys</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <source>On-screen keypad</source>
        <translation>On-screen keypad</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Erase the last digit</translation>
    </message>
</context>
<context>
    <name>PinManagementPage</name>
    <message>
        <source>PIN management</source>
        <translation>PIN management</translation>
    </message>
    <message>
        <source>Your PIN is ready to use</source>
        <translation>Your PIN is ready to use</translation>
    </message>
    <message>
        <source>Two tries left</source>
        <translation>Two tries left</translation>
    </message>
    <message>
        <source>PIN suspended: one try left</source>
        <translation>PIN suspended: one try left</translation>
    </message>
    <message>
        <source>PIN blocked</source>
        <translation>PIN blocked</translation>
    </message>
    <message>
        <source>PIN blocked and PUK used up</source>
        <translation>PIN blocked and PUK used up</translation>
    </message>
    <message>
        <source>Transport PIN still active</source>
        <translation>Transport PIN still active</translation>
    </message>
    <message>
        <source>Online ID function switched off</source>
        <translation>Online ID function switched off</translation>
    </message>
    <message>
        <source>PIN status not read yet</source>
        <translation>PIN status not read yet</translation>
    </message>
    <message>
        <source>The card allows %1 tries before the PIN is suspended.</source>
        <translation>The card allows %1 tries before the PIN is suspended.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered once. After one more wrong PIN, the card asks for the card access number (CAN) before the last try.</source>
        <translation>A wrong PIN was entered once. After one more wrong PIN, the card asks for the card access number (CAN) before the last try.</translation>
    </message>
    <message>
        <source>Two wrong PINs were entered. To protect you, the last try needs the six-digit card access number (CAN) printed on the front of the card first.</source>
        <translation>Two wrong PINs were entered. To protect you, the last try needs the six-digit card access number (CAN) printed on the front of the card first.</translation>
    </message>
    <message>
        <source>The PIN was entered wrongly three times. The ten-digit PUK from your PIN letter unblocks it.</source>
        <translation>The PIN was entered wrongly three times. The ten-digit PUK from your PIN letter unblocks it.</translation>
    </message>
    <message>
        <source>The PIN is blocked and the PUK has been used ten times, so it cannot unblock the PIN any more.</source>
        <translation>The PIN is blocked and the PUK has been used ten times, so it cannot unblock the PIN any more.</translation>
    </message>
    <message>
        <source>The card still has the five-digit transport PIN from the PIN letter. Replace it with your own six-digit PIN before the first use.</source>
        <translation>The card still has the five-digit transport PIN from the PIN letter. Replace it with your own six-digit PIN before the first use.</translation>
    </message>
    <message>
        <source>The card cannot be used online until the online ID function is switched on.</source>
        <translation>The card cannot be used online until the online ID function is switched on.</translation>
    </message>
    <message>
        <source>Place the card on the reader and read the status. Reading it costs no try.</source>
        <translation>Place the card on the reader and read the status. Reading it costs no try.</translation>
    </message>
    <message>
        <source>Nothing to do. You can change your PIN at any time.</source>
        <translation>Nothing to do. You can change your PIN at any time.</translation>
    </message>
    <message>
        <source>Enter the PIN carefully. If you are unsure, change it now while you still know it.</source>
        <translation>Enter the PIN carefully. If you are unsure, change it now while you still know it.</translation>
    </message>
    <message>
        <source>Enter the CAN, then your current PIN, and choose a new PIN.</source>
        <translation>Enter the CAN, then your current PIN, and choose a new PIN.</translation>
    </message>
    <message>
        <source>Enter the PUK from your PIN letter below. The PIN then has three tries again.</source>
        <translation>Enter the PUK from your PIN letter below. The PIN then has three tries again.</translation>
    </message>
    <message>
        <source>Order a new PIN letter with the PIN reset service, or ask your citizens&apos; office for a new PIN.</source>
        <translation>Order a new PIN letter with the PIN reset service, or ask your citizens&apos; office for a new PIN.</translation>
    </message>
    <message>
        <source>Enter the five-digit transport PIN and choose your own six-digit PIN.</source>
        <translation>Enter the five-digit transport PIN and choose your own six-digit PIN.</translation>
    </message>
    <message>
        <source>Your citizens&apos; office can switch the online ID function on.</source>
        <translation>Your citizens&apos; office can switch the online ID function on.</translation>
    </message>
    <message>
        <source>The PIN status was read from the card.</source>
        <translation>The PIN status was read from the card.</translation>
    </message>
    <message>
        <source>Your PIN was changed. Use the new six-digit PIN from now on.</source>
        <translation>Your PIN was changed. Use the new six-digit PIN from now on.</translation>
    </message>
    <message>
        <source>The PIN was unblocked. It has three tries again.</source>
        <translation>The PIN was unblocked. It has three tries again.</translation>
    </message>
    <message>
        <source>No card was found. Place the card on the reader and try again.</source>
        <translation>No card was found. Place the card on the reader and try again.</translation>
    </message>
    <message>
        <source>Please check the digits: the PIN has 6 digits (the transport PIN 5), the CAN 6 and the PUK 10.</source>
        <translation>Please check the digits: the PIN has 6 digits (the transport PIN 5), the CAN 6 and the PUK 10.</translation>
    </message>
    <message>
        <source>That did not work. The current status is shown above.</source>
        <translation>That did not work. The current status is shown above.</translation>
    </message>
    <message>
        <source>Read PIN status</source>
        <translation>Read PIN status</translation>
    </message>
    <message>
        <source>What do you want to do?</source>
        <translation>What do you want to do?</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>Unblock with PUK</source>
        <translation>Unblock with PUK</translation>
    </message>
    <message>
        <source>First use: I have the five-digit transport PIN from the PIN letter</source>
        <translation>First use: I have the five-digit transport PIN from the PIN letter</translation>
    </message>
    <message>
        <source>Card access number (CAN), 6 digits on the front of the card</source>
        <translation>Card access number (CAN), 6 digits on the front of the card</translation>
    </message>
    <message>
        <source>Transport PIN (5 digits)</source>
        <translation>Transport PIN (5 digits)</translation>
    </message>
    <message>
        <source>Current PIN (6 digits)</source>
        <translation>Current PIN (6 digits)</translation>
    </message>
    <message>
        <source>New PIN (6 digits)</source>
        <translation>New PIN (6 digits)</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Repeat the new PIN</translation>
    </message>
    <message>
        <source>⚠ The two new PINs differ.</source>
        <translation>⚠ The two new PINs differ.</translation>
    </message>
    <message>
        <source>PUK (10 digits from the PIN letter)</source>
        <translation>PUK (10 digits from the PIN letter)</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>Unblock PIN</translation>
    </message>
    <message>
        <source>Connecting to the card</source>
        <translation>Connecting to the card</translation>
    </message>
    <message>
        <source>Checking the PIN (PACE)</source>
        <translation>Checking the PIN (PACE)</translation>
    </message>
    <message>
        <source>Writing the new PIN</source>
        <translation>Writing the new PIN</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technical detail: %1</translation>
    </message>
    <message>
        <source>Order a replacement PIN →</source>
        <translation>Order a replacement PIN →</translation>
    </message>
    <message>
        <source>Order a replacement PIN letter</source>
        <translation>Order a replacement PIN letter</translation>
    </message>
    <message>
        <source>Your card reader has its own pinpad: you enter the PIN, the CAN and the PUK on the reader, not in this window.</source>
        <translation>Your card reader has its own pinpad: you enter the PIN, the CAN and the PUK on the reader, not in this window.</translation>
    </message>
    <message>
        <source>This card reader takes the current PIN on its pinpad but not a new one. Enter the new PIN here, then change the PIN.</source>
        <translation>This card reader takes the current PIN on its pinpad but not a new one. Enter the new PIN here, then change the PIN.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Two tries are left.</source>
        <translation>The PIN was wrong. Two tries are left.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Before the last try, enter the card access number (CAN) as well.</source>
        <translation>The PIN was wrong. Before the last try, enter the card access number (CAN) as well.</translation>
    </message>
    <message>
        <source>The PIN was wrong for the third time and is now blocked. Unblock it with the PUK from your PIN letter.</source>
        <translation>The PIN was wrong for the third time and is now blocked. Unblock it with the PUK from your PIN letter.</translation>
    </message>
    <message>
        <source>The PIN was wrong.</source>
        <translation>The PIN was wrong.</translation>
    </message>
    <message>
        <source>The card access number (CAN) was wrong. Check the six digits on the front of the card. This did not cost a PIN try.</source>
        <translation>The card access number (CAN) was wrong. Check the six digits on the front of the card. This did not cost a PIN try.</translation>
    </message>
    <message>
        <source>The PUK was wrong. Check the ten digits in your PIN letter.</source>
        <translation>The PUK was wrong. Check the ten digits in your PIN letter.</translation>
    </message>
</context>
<context>
    <name>PinpadPrompt</name>
    <message>
        <source>Please enter the card access number (CAN) on your card reader&apos;s pinpad</source>
        <translation>Please enter the card access number (CAN) on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>Please enter the PUK on your card reader&apos;s pinpad</source>
        <translation>Please enter the PUK on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>Please enter your new six-digit PIN on your card reader&apos;s pinpad, then once more to confirm it</source>
        <translation>Please enter your new six-digit PIN on your card reader&apos;s pinpad, then once more to confirm it</translation>
    </message>
    <message>
        <source>Please enter your current PIN (or the five-digit transport PIN) on your card reader&apos;s pinpad</source>
        <translation>Please enter your current PIN (or the five-digit transport PIN) on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>Please enter your PIN on your card reader&apos;s pinpad</source>
        <translation>Please enter your PIN on your card reader&apos;s pinpad</translation>
    </message>
    <message>
        <source>Confirm on the reader when you are done; its cancel key stops the operation.</source>
        <translation>Confirm on the reader when you are done; its cancel key stops the operation.</translation>
    </message>
</context>
<context>
    <name>ReaderDelegate</name>
    <message>
        <source>Demo card (simulated)</source>
        <translation>Demo card (simulated)</translation>
    </message>
    <message>
        <source>Card inserted</source>
        <translation>Card inserted</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>No card</translation>
    </message>
    <message>
        <source>Simulated reader %1 for trying out the app</source>
        <translation>Simulated reader %1 for trying out the app</translation>
    </message>
    <message>
        <source>Reader %1</source>
        <translation>Reader %1</translation>
    </message>
    <message>
        <source>Simulated reader “%1” – no real card is used</source>
        <translation>Simulated reader “%1” – no real card is used</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connection: %1</translation>
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
        <translation>Reader %1 with its own pinpad</translation>
    </message>
    <message>
        <source>With its own pinpad: you enter PIN, CAN and PUK on the reader</source>
        <translation>With its own pinpad: you enter PIN, CAN and PUK on the reader</translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Readers &amp; diagnosis</source>
        <translation>Readers &amp; diagnosis</translation>
    </message>
    <message>
        <source>PC/SC service: running</source>
        <translation>PC/SC service: running</translation>
    </message>
    <message>
        <source>PC/SC service: not running</source>
        <translation>PC/SC service: not running</translation>
    </message>
    <message numerus="yes">
        <source>%n reader(s) found.</source>
        <translation>
            <numerusform>%n reader found.</numerusform>
            <numerusform>%n readers found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start the service pcscd, for example with “sudo systemctl start pcscd.socket”. Readers appear here by themselves once it runs.</source>
        <translation>Start the service pcscd, for example with “sudo systemctl start pcscd.socket”. Readers appear here by themselves once it runs.</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Readers</translation>
    </message>
    <message>
        <source>No reader found.</source>
        <translation>No reader found.</translation>
    </message>
    <message>
        <source>Diagnosis report</source>
        <translation>Diagnosis report</translation>
    </message>
    <message>
        <source>Attach this report when you ask for help. It contains no personal data and no PIN.</source>
        <translation>Attach this report when you ask for help. It contains no personal data and no PIN.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <source>No real card reader is connected. The demo card listed below is simulated.</source>
        <translation>No real card reader is connected. The demo card listed below is simulated.</translation>
    </message>
</context>
<context>
    <name>ReplacementPinPage</name>
    <message>
        <source>Replacement PIN</source>
        <translation>Replacement PIN</translation>
    </message>
    <message>
        <source>Sending the order to the PIN letter service…</source>
        <translation>Sending the order to the PIN letter service…</translation>
    </message>
    <message>
        <source>Sending the activation code to the PIN letter service…</source>
        <translation>Sending the activation code to the PIN letter service…</translation>
    </message>
    <message numerus="yes">
        <source>The PIN letter service is busy right now. Trying again in %n second(s).</source>
        <translation>
            <numerusform>The PIN letter service is busy right now. Trying again in %n second.</numerusform>
            <numerusform>The PIN letter service is busy right now. Trying again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm with your card: enter the card access number (CAN).</source>
        <translation>Confirm with your card: enter the card access number (CAN).</translation>
    </message>
    <message>
        <source>Waiting for the service&apos;s confirmation…</source>
        <translation>Waiting for the service&apos;s confirmation…</translation>
    </message>
    <message>
        <source>Your PIN letter has been ordered. It will be sent to the address stored on your card.</source>
        <translation>Your PIN letter has been ordered. It will be sent to the address stored on your card.</translation>
    </message>
    <message>
        <source>The PIN from your letter is now set and the online ID function is switched on.</source>
        <translation>The PIN from your letter is now set and the online ID function is switched on.</translation>
    </message>
    <message>
        <source>The PIN letter service is overloaded. Your order is kept: please try again later, for example in an hour.</source>
        <translation>The PIN letter service is overloaded. Your order is kept: please try again later, for example in an hour.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>That did not work.</translation>
    </message>
    <message>
        <source>Cancelled. A started order is kept and can be continued later.</source>
        <translation>Cancelled. A started order is kept and can be continued later.</translation>
    </message>
    <message>
        <source>Forgot your PIN, or is it blocked? Order a letter with a new PIN here. You need your ID card and the six-digit card access number (CAN) printed on its front. When the letter has arrived, activate its PIN with the activation code from the letter.</source>
        <translation>Forgot your PIN, or is it blocked? Order a letter with a new PIN here. You need your ID card and the six-digit card access number (CAN) printed on its front. When the letter has arrived, activate its PIN with the activation code from the letter.</translation>
    </message>
    <message>
        <source>The replacement PIN is not available in this window.</source>
        <translation>The replacement PIN is not available in this window.</translation>
    </message>
    <message>
        <source>1. Order a PIN letter</source>
        <translation>1. Order a PIN letter</translation>
    </message>
    <message>
        <source>An order was started but not yet confirmed. Ordering again continues it; no second letter is sent.</source>
        <translation>An order was started but not yet confirmed. Ordering again continues it; no second letter is sent.</translation>
    </message>
    <message>
        <source>Continue the order</source>
        <translation>Continue the order</translation>
    </message>
    <message>
        <source>Order a PIN letter</source>
        <translation>Order a PIN letter</translation>
    </message>
    <message>
        <source>Letters ordered so far:</source>
        <translation>Letters ordered so far:</translation>
    </message>
    <message>
        <source>Order reference %1</source>
        <translation>Order reference %1</translation>
    </message>
    <message>
        <source>2. Activate the PIN from the letter</source>
        <translation>2. Activate the PIN from the letter</translation>
    </message>
    <message>
        <source>Enter the activation code printed in your PIN letter.</source>
        <translation>Enter the activation code printed in your PIN letter.</translation>
    </message>
    <message>
        <source>Activation code</source>
        <translation>Activation code</translation>
    </message>
    <message>
        <source>Activation code from the PIN letter</source>
        <translation>Activation code from the PIN letter</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Activate the PIN from the letter</source>
        <translation>Activate the PIN from the letter</translation>
    </message>
    <message>
        <source>DEMO: the PIN letter service is the local simulation world. No real letter is sent; the demo letter appears on the service&apos;s mailbox page.</source>
        <translation>DEMO: the PIN letter service is the local simulation world. No real letter is sent; the demo letter appears on the service&apos;s mailbox page.</translation>
    </message>
    <message>
        <source>Starting the local demo PIN letter service…</source>
        <translation>Starting the local demo PIN letter service…</translation>
    </message>
</context>
<context>
    <name>ReplacementPinService</name>
    <message>
        <source>PIN letter service</source>
        <translation>PIN letter service</translation>
    </message>
    <message>
        <source>The local demo service (started with the first order)</source>
        <translation>The local demo service (started with the first order)</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>None chosen yet</translation>
    </message>
    <message>
        <source>PIN letter service: %1</source>
        <translation>PIN letter service: %1</translation>
    </message>
    <message>
        <source>Change in Settings</source>
        <translation>Change in Settings</translation>
    </message>
    <message>
        <source>Change the PIN letter service in Settings</source>
        <translation>Change the PIN letter service in Settings</translation>
    </message>
</context>
<context>
    <name>ReplacementPinStatus</name>
    <message>
        <source>Order reference: %1</source>
        <translation>Order reference: %1</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel the replacement PIN request</source>
        <translation>Cancel the replacement PIN request</translation>
    </message>
    <message>
        <source>Change the letter&apos;s PIN to one of your choice</source>
        <translation>Change the letter&apos;s PIN to one of your choice</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Close this message</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Like the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <source>Demo mode offers a simulated card for trying out OpenAusweis. It is clearly marked and never used instead of your own card without you choosing it.</source>
        <translation>Demo mode offers a simulated card for trying out OpenAusweis. It is clearly marked and never used instead of your own card without you choosing it.</translation>
    </message>
    <message>
        <source>Only while no card reader is connected</source>
        <translation>Only while no card reader is connected</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Always</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>With several readers connected, OpenAusweis uses the chosen one while it holds a card, otherwise the first reader with a card.</source>
        <translation>With several readers connected, OpenAusweis uses the chosen one while it holds a card, otherwise the first reader with a card.</translation>
    </message>
    <message>
        <source>Automatic: the first reader with a card</source>
        <translation>Automatic: the first reader with a card</translation>
    </message>
    <message>
        <source>Preferred card reader</source>
        <translation>Preferred card reader</translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation>Starting and closing</translation>
    </message>
    <message>
        <source>Start OpenAusweis with the desktop session</source>
        <translation>Start OpenAusweis with the desktop session</translation>
    </message>
    <message>
        <source>OpenAusweis then waits in the background for the browser, with its window hidden behind the tray icon (shown if the desktop has no tray).</source>
        <translation>OpenAusweis then waits in the background for the browser, with its window hidden behind the tray icon (shown if the desktop has no tray).</translation>
    </message>
    <message>
        <source>Autostart could not be changed: %1</source>
        <translation>Autostart could not be changed: %1</translation>
    </message>
    <message>
        <source>Show an icon in the system tray</source>
        <translation>Show an icon in the system tray</translation>
    </message>
    <message>
        <source>Closing the window keeps OpenAusweis ready for the browser; the tray icon opens it again or quits it.</source>
        <translation>Closing the window keeps OpenAusweis ready for the browser; the tray icon opens it again or quits it.</translation>
    </message>
    <message>
        <source>Closing the window quits OpenAusweis; the browser can then not reach it.</source>
        <translation>Closing the window quits OpenAusweis; the browser can then not reach it.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits OpenAusweis; the browser can then not reach it.</source>
        <translation>This desktop has no system tray, so closing the window quits OpenAusweis; the browser can then not reach it.</translation>
    </message>
    <message>
        <source>Developer mode</source>
        <translation>Developer mode</translation>
    </message>
    <message>
        <source>For developers of eID services: OpenAusweis also trusts the test certificates (test PKI) for cards and services. Never turn it on to use real services; the whole window is marked while it is on.</source>
        <translation>For developers of eID services: OpenAusweis also trusts the test certificates (test PKI) for cards and services. Never turn it on to use real services; the whole window is marked while it is on.</translation>
    </message>
    <message>
        <source>Replacement PIN</source>
        <translation>Replacement PIN</translation>
    </message>
    <message>
        <source>The PIN letter service orders a letter with a new PIN when yours is forgotten or blocked. Its address starts with https://.</source>
        <translation>The PIN letter service orders a letter with a new PIN when yours is forgotten or blocked. Its address starts with https://.</translation>
    </message>
    <message>
        <source>Address of the PIN letter service</source>
        <translation>Address of the PIN letter service</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the address of the PIN letter service</source>
        <translation>Save the address of the PIN letter service</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Use the default</translation>
    </message>
    <message>
        <source>Use the default PIN letter service</source>
        <translation>Use the default PIN letter service</translation>
    </message>
    <message>
        <source>Please enter an address starting with https://, without user name, query or fragment.</source>
        <translation>Please enter an address starting with https://, without user name, query or fragment.</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In use: %1</translation>
    </message>
    <message>
        <source>In use: %1 (the default)</source>
        <translation>In use: %1 (the default)</translation>
    </message>
    <message>
        <source>No service is chosen. In demo mode the local simulation world&apos;s demo service is used.</source>
        <translation>No service is chosen. In demo mode the local simulation world&apos;s demo service is used.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to OpenAusweis</source>
        <translation>Welcome to OpenAusweis</translation>
    </message>
    <message>
        <source>Use your German ID card, electronic residence permit or eID card for Union citizens online.</source>
        <translation>Use your German ID card, electronic residence permit or eID card for Union citizens online.</translation>
    </message>
    <message>
        <source>The smart card service is not running</source>
        <translation>The smart card service is not running</translation>
    </message>
    <message>
        <source>No card reader connected</source>
        <translation>No card reader connected</translation>
    </message>
    <message>
        <source>Place your ID card on the reader</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <source>Your ID card is ready</source>
        <translation>Your ID card is ready</translation>
    </message>
    <message>
        <source>OpenAusweis talks to card readers through the PC/SC service (pcscd). Start it, for example with “sudo systemctl start pcscd.socket”. This screen updates by itself.</source>
        <translation>OpenAusweis talks to card readers through the PC/SC service (pcscd). Start it, for example with “sudo systemctl start pcscd.socket”. This screen updates by itself.</translation>
    </message>
    <message>
        <source>Put the card on the reader and leave it there until the process is finished.</source>
        <translation>Put the card on the reader and leave it there until the process is finished.</translation>
    </message>
    <message>
        <source>A card was detected. Nothing else needs to be done for now.</source>
        <translation>A card was detected. Nothing else needs to be done for now.</translation>
    </message>
    <message>
        <source>Demo mode is on</source>
        <translation>Demo mode is on</translation>
    </message>
    <message>
        <source>A simulated card lets you try out OpenAusweis without a reader. It is not your ID card, and nothing done with it has legal effect. You can switch demo mode off in the settings.</source>
        <translation>A simulated card lets you try out OpenAusweis without a reader. It is not your ID card, and nothing done with it has legal effect. You can switch demo mode off in the settings.</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Readers</translation>
    </message>
    <message>
        <source>Show readers and diagnosis</source>
        <translation>Show readers and diagnosis</translation>
    </message>
    <message>
        <source>Connect a card reader for contactless cards. This screen updates by itself as soon as a reader appears.</source>
        <translation>Connect a card reader for contactless cards. This screen updates by itself as soon as a reader appears.</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1 (in progress)</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (done)</translation>
    </message>
    <message>
        <source>%1 (did not work)</source>
        <translation>%1 (did not work)</translation>
    </message>
</context>
<context>
    <name>oa::AppSettings</name>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 could not be written.</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 could not be removed.</translation>
    </message>
</context>
<context>
    <name>oa::PinLetterController</name>
    <message>
        <source>No replacement PIN service is configured.</source>
        <translation>No replacement PIN service is configured.</translation>
    </message>
    <message>
        <source>OpenAusweis is busy with another card operation. Please try again when it has finished.</source>
        <translation>OpenAusweis is busy with another card operation. Please try again when it has finished.</translation>
    </message>
    <message>
        <source>The PIN letter service could not be started. Please try again later.</source>
        <translation>The PIN letter service could not be started. Please try again later.</translation>
    </message>
</context>
<context>
    <name>oa::TrayIcon</name>
    <message>
        <source>OpenAusweis: ready for eID requests from the browser</source>
        <translation>OpenAusweis: ready for eID requests from the browser</translation>
    </message>
    <message>
        <source>Open OpenAusweis</source>
        <translation>Open OpenAusweis</translation>
    </message>
    <message>
        <source>Quit OpenAusweis</source>
        <translation>Quit OpenAusweis</translation>
    </message>
</context>
</TS>
