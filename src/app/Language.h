#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>
#include <memory>

class QQmlEngine;

namespace oa {

// The language of the user interface, switchable while the app runs. Translations come from the
// .qm files built into the resources (:/i18n); English is also a translation, so every visible
// string goes through the same path.
class Language : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)
    Q_PROPERTY(QStringList available READ available CONSTANT)
public:
    explicit Language(QQmlEngine* engine, QObject* parent = nullptr);
    ~Language() override;

    QString code() const { return code_; }
    // Unknown codes are ignored: the language stays as it was.
    void setCode(const QString& code);
    QStringList available() const;
    // The language's own name ("Deutsch", "English"), the same in every UI language.
    Q_INVOKABLE QString nativeName(const QString& code) const;

    // German for German-speaking systems, English otherwise.
    static QString systemDefault();

signals:
    void codeChanged();

private:
    QQmlEngine* engine_;
    std::unique_ptr<QTranslator> translator_;
    QString code_;
};

}  // namespace oa
