#pragma once

#include "service/ActivationHandler.h"

namespace oa::service {

// Stands in for the authentication workflow where none is plugged in: every activation ends with
// an error page the user can read, and nothing is held.
class UnavailableActivation : public ActivationHandler {
public:
    void start(const QUrl& tcTokenUrl, Completion done) override;
    void cancel() override {}
};

}  // namespace oa::service
