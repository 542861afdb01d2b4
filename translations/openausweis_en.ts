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
</context>
<context>
    <name>NavigationButton</name>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, needs attention</translation>
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
</TS>
