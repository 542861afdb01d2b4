#pragma once

#include <QList>
#include <QSslCertificate>
#include <QUrl>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "card/ReaderBackend.h"
#include "eid/SelfAuthentication.h"
#include "net/HttpsExchange.h"
#include "net/PaosWriter.h"
#include "net/RetryPolicy.h"
#include "workflows/Interaction.h"

namespace oa::workflows {

struct AuthSettings {
    // TLS trust anchors for TLS-1-2 and TLS-2; empty: the system's.
    QList<QSslCertificate> caCertificates;
    // Passive authentication of EF.CardSecurity; default: the German production CSCAs.
    eid::CardSecurityVerifier verifyCardSecurity;
    // Only for the token fetch and the refresh check: PAOS messages are never repeated.
    std::shared_ptr<net::RetryPolicy> retry;
    net::HttpsTimeouts timeouts;
    std::chrono::milliseconds paosTimeout{60000};
    // The whole RefreshAddress check after PAOS: every hop, retry and wait. A chain that takes
    // longer sends the browser to the CommunicationErrorAddress.
    std::chrono::milliseconds refreshBudget{60000};
    // Transmit messages per authentication (a real session needs a few dozen at most): an
    // eID-Server that goes on is ended with serverError.
    int maxTransmits = 1000;
    // How long to wait for a card in the chosen reader before giving up.
    std::chrono::milliseconds cardWait{120000};
    net::UserAgent userAgent{QStringLiteral("OpenAusweis"), 0, 1, 0};
    // Same-origin and certificate description hash failures only logged (never by default).
    bool developerMode = false;
};

// The online authentication of TR-03124-1 2.5 as one explicit state machine (AuthWorkflow.cpp
// reads top to bottom in the step order of §2.2 of our digest). Blocking: run it on a worker
// thread (AuthWorkflowThread); it asks the face everything through the Interaction.
class AuthWorkflow {
public:
    AuthWorkflow(ReaderBackend& backend, Interaction& interaction, AuthSettings settings);
    ~AuthWorkflow();
    AuthWorkflow(const AuthWorkflow&) = delete;
    AuthWorkflow& operator=(const AuthWorkflow&) = delete;

    // Runs the whole flow for the TC token URL the browser handed over; the outcome goes to
    // Interaction::finished() and is returned.
    AuthOutcome run(const QUrl& tcTokenUrl);

    // Thread-safe: also wakes a wait for a card. Called before run(), it cancels that run.
    void cancel();

private:
    struct Session;
    ReaderBackend& backend_;
    Interaction& interaction_;
    AuthSettings settings_;
    std::atomic<bool> cancelled_{false};
};

}  // namespace oa::workflows
