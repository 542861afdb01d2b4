#pragma once

#include <memory>

#include "app/DemoWorld.h"
#include "app/PinLetterController.h"

namespace oa {

class Desktop;

// The replacement PIN's service and trust in the window: the service chosen in Settings
// (AppSettings::pinLetterServiceUrl, else OPENAUSWEIS_PIN_LETTER_SERVICE) and TLS as for the
// window's authentications. With none configured and demo mode active, the local simulation
// world's PIN letter service (`demo`), started on its own thread at the first order while the
// order waits in "preparing", and marked DEMO; for that world only the test PKI's PIN reset
// terminal counts. Otherwise developer mode (Settings) decides whether the test PKI counts.
// `desktop` must outlive the environment; the demo world stops with the last copy of it.
PinLetterController::Environment windowPinLetterEnvironment(
    Desktop& desktop, std::shared_ptr<DemoWorld> demo = std::make_shared<DemoWorld>());

// Keeps the controller's service current when Settings or the readers change it.
void followWindowService(PinLetterController& controller, Desktop& desktop);

}  // namespace oa
