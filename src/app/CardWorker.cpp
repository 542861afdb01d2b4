#include "app/CardWorker.h"

namespace oa {

CardWorker::CardWorker() : context_(new QObject) {
    thread_.setObjectName(QStringLiteral("card worker"));
    context_->moveToThread(&thread_);
    thread_.start();
}

CardWorker::~CardWorker() {
    thread_.quit();
    thread_.wait();
    delete context_;
}

void CardWorker::post(std::function<void()> job) {
    QMetaObject::invokeMethod(context_, std::move(job), Qt::QueuedConnection);
}

}  // namespace oa
