#pragma once

#include <mutex>
#include <optional>
#include <string>

namespace oa::workflows {

// One user at the controls: either the person at the window runs a workflow (PIN change, "my
// data", an authentication), or an SDK client controls the app, never both. Window controllers
// claim the guard while their workflow runs; the SDK endpoint refuses a new client (409) while a
// claim is held and marks itself connected so the window refuses to start one. App-wide,
// thread-safe.
class UserWorkflowGuard {
public:
    // Held while a window workflow runs; releases on destruction.
    class Claim {
    public:
        Claim(Claim&& other) noexcept;
        Claim& operator=(Claim&& other) noexcept;
        Claim(const Claim&) = delete;
        Claim& operator=(const Claim&) = delete;
        ~Claim();

    private:
        friend class UserWorkflowGuard;
        explicit Claim(UserWorkflowGuard* guard) : guard_(guard) {}
        UserWorkflowGuard* guard_;
    };

    UserWorkflowGuard() = default;
    UserWorkflowGuard(const UserWorkflowGuard&) = delete;
    UserWorkflowGuard& operator=(const UserWorkflowGuard&) = delete;

    // The app's one guard.
    static UserWorkflowGuard& app();

    // Nothing while another window workflow runs or an SDK client controls the app.
    std::optional<Claim> claim(const std::string& workflow);
    bool userWorkflowActive() const;
    // The running window workflow's name, empty when none.
    std::string activeWorkflow() const;

    void setSdkClientConnected(bool connected);
    bool sdkClientConnected() const;

private:
    void release();

    mutable std::mutex mutex_;
    std::string active_;
    bool claimed_ = false;
    bool sdkClient_ = false;
};

}  // namespace oa::workflows
