#pragma once

#include <QObject>

class QSocketNotifier;

namespace oa {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop, so the app shuts down in order
// (monitor threads joined, later the local listener closed) instead of dying mid-transaction.
// One instance per process.
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

signals:
    void received(int signalNumber);

private:
    void drain();

    QSocketNotifier* notifier_ = nullptr;
};

}  // namespace oa
