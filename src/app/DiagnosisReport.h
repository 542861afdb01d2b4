#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

namespace oa {

class AppSettings;
class ReaderListModel;

// The report the Readers & diagnosis page offers to copy: program and library versions, the
// system, the PC/SC service, readers and cards (ATR), and the settings that change behaviour.
// In English whatever the UI language; no personal data, no PIN.
class DiagnosisReport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(QString text READ text NOTIFY textChanged)
public:
    DiagnosisReport(ReaderListModel& readers, AppSettings& settings, QObject* parent = nullptr);

    QString text() const;
    // Qt, OpenSSL and pcsc-lite as built against and as running, one line each.
    static QStringList libraryVersions();

signals:
    void textChanged();

private:
    ReaderListModel& readers_;
    AppSettings& settings_;
};

}  // namespace oa
