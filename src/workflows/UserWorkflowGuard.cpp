#include "workflows/UserWorkflowGuard.h"

#include <utility>

namespace oa::workflows {

UserWorkflowGuard::Claim::Claim(Claim&& other) noexcept
    : guard_(std::exchange(other.guard_, nullptr)) {}

UserWorkflowGuard::Claim& UserWorkflowGuard::Claim::operator=(Claim&& other) noexcept {
    if (this != &other) {
        if (guard_) guard_->release();
        guard_ = std::exchange(other.guard_, nullptr);
    }
    return *this;
}

UserWorkflowGuard::Claim::~Claim() {
    if (guard_) guard_->release();
}

UserWorkflowGuard& UserWorkflowGuard::app() {
    static UserWorkflowGuard guard;
    return guard;
}

std::optional<UserWorkflowGuard::Claim> UserWorkflowGuard::claim(const std::string& workflow) {
    std::lock_guard lock(mutex_);
    if (claimed_ || sdkClient_) return std::nullopt;
    claimed_ = true;
    active_ = workflow;
    return Claim(this);
}

bool UserWorkflowGuard::userWorkflowActive() const {
    std::lock_guard lock(mutex_);
    return claimed_;
}

std::string UserWorkflowGuard::activeWorkflow() const {
    std::lock_guard lock(mutex_);
    return active_;
}

void UserWorkflowGuard::setSdkClientConnected(bool connected) {
    std::lock_guard lock(mutex_);
    sdkClient_ = connected;
}

bool UserWorkflowGuard::sdkClientConnected() const {
    std::lock_guard lock(mutex_);
    return sdkClient_;
}

void UserWorkflowGuard::release() {
    std::lock_guard lock(mutex_);
    claimed_ = false;
    active_.clear();
}

}  // namespace oa::workflows
