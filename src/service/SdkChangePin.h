#pragma once

#include <chrono>

#include "card/ReaderBackend.h"
#include "service/SdkInteraction.h"

namespace oa::service {

// The PIN change as the SDK's RUN_CHANGE_PIN drives it (docs/sdk/workflow.rst): card, then the
// current PIN (5-digit transport PIN or 6-digit PIN; CAN first when suspended, PUK first when
// blocked), then the new PIN, through eid::PinManagement. On a comfort reader (hasReaderPace) each
// of them is asked with onReaderPinpad and typed on the reader. Blocking: runs on a worker thread;
// the end goes to interaction.changePinFinished().
void runSdkChangePin(ReaderBackend& backend, SdkInteraction& interaction,
                     std::chrono::milliseconds cardWait);

}  // namespace oa::service
