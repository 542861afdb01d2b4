#pragma once

#include "workflows/AuthWorkflow.h"

namespace oa {

class AuthController;
class Desktop;

// The trust of the window's authentications: the system's TLS anchors plus OPENAUSWEIS_CA_FILE
// (PEM, e.g. the simulation world's CA), and the production CSCAs; while demo mode is active also
// the test CSCA that signs the in-process demo card, which is marked as a demo on every page.
workflows::AuthSettings windowAuthSettings(bool demoActive);

// Hands the controller to the window (Main.qml's `authentication`) and lets it use the demo
// card's reader only while demo mode is active.
void showAuthenticationIn(Desktop& desktop, AuthController& authentication);

}  // namespace oa
