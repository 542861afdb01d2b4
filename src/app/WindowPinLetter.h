#pragma once

#include "app/PinLetterController.h"

namespace oa {

class Desktop;

// The replacement PIN's service and trust in the window: the service URL from the settings
// (PinLetterController::serviceSettingsKey, else OPENAUSWEIS_PIN_LETTER_SERVICE) and TLS as for
// the window's authentications. With none configured and demo mode active, the local simulation
// world's PIN letter service, started in-process at the first order and marked DEMO; for that
// world only the test PKI's PIN reset terminal counts. Otherwise developer mode (Settings)
// decides whether the test PKI counts. `desktop` must outlive the environment.
PinLetterController::Environment windowPinLetterEnvironment(Desktop& desktop);

}  // namespace oa
