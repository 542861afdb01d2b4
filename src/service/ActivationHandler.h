#pragma once

#include <QString>
#include <QUrl>
#include <functional>

namespace oa::service {

// How an activation ends for the browser: a redirect (303 to the refresh or communication-error
// address, TR-03124-1 §2.5.4), or an error page with the status the specification names
// (400 no usable address, 404 TC token not retrievable, 500 internal error).
struct ActivationOutcome {
    QUrl redirect;
    int errorStatus = 0;
    QString errorDetail;  // shown on the page, in the user's words

    static ActivationOutcome redirectTo(QUrl url) { return {std::move(url), 0, {}}; }
    static ActivationOutcome error(int status, QString detail = {}) {
        return {{}, status, std::move(detail)};
    }
};

// The authentication workflow as the browser activation sees it. The workflow is plugged in behind
// this interface; the endpoint runs one activation at a time.
class ActivationHandler {
public:
    using Completion = std::function<void(const ActivationOutcome&)>;
    virtual ~ActivationHandler() = default;

    // Starts the workflow for a TC token URL. `done` must be called exactly once, also after
    // cancel(), and may be called from within start().
    virtual void start(const QUrl& tcTokenUrl, Completion done) = 0;
    // The browser left: nobody waits for the redirect any more.
    virtual void cancel() = 0;
};

}  // namespace oa::service
