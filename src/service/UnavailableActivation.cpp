#include "service/UnavailableActivation.h"

namespace oa::service {

void UnavailableActivation::start(const QUrl&, Completion done) {
    done(ActivationOutcome::error(
        500, QStringLiteral("Online authentication is not available in this build.")));
}

}  // namespace oa::service
