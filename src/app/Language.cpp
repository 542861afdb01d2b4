#include "app/Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

namespace oa {
namespace {

const QString kTranslationDir = QStringLiteral(":/i18n");

}  // namespace

Language::Language(QQmlEngine* engine, QObject* parent) : QObject(parent), engine_(engine) {}

Language::~Language() {
    if (translator_) QCoreApplication::removeTranslator(translator_.get());
}

void Language::setCode(const QString& code) {
    if (code == code_ || !available().contains(code)) return;
    auto translator = std::make_unique<QTranslator>();
    // English is the source language: it still works should its catalogue be missing.
    if (!translator->load(QStringLiteral("openausweis_") + code, kTranslationDir)) {
        qWarning("No translation catalogue for language %s", qPrintable(code));
        if (code != QLatin1String("en")) return;
        translator.reset();
    }
    if (translator_) QCoreApplication::removeTranslator(translator_.get());
    translator_ = std::move(translator);
    if (translator_) QCoreApplication::installTranslator(translator_.get());
    code_ = code;
    if (engine_) engine_->retranslate();
    emit codeChanged();
}

QStringList Language::available() const {
    return {QStringLiteral("de"), QStringLiteral("en")};
}

QString Language::nativeName(const QString& code) const {
    if (code == QLatin1String("de")) return QStringLiteral("Deutsch");
    if (code == QLatin1String("en")) return QStringLiteral("English");
    return code;
}

QString Language::systemDefault() {
    return QLocale::system().language() == QLocale::German ? QStringLiteral("de")
                                                           : QStringLiteral("en");
}

}  // namespace oa
