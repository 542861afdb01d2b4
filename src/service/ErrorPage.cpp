#include "service/ErrorPage.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace oa::service {

namespace {

struct PageText {
    const char* title;
    const char* text;
};

PageText english(PageReason reason) {
    switch (reason) {
        case PageReason::UnknownRequest:
            return {"Unknown request", "OpenAusweis does not know this request."};
        case PageReason::InvalidActivation:
            return {"Cannot start authentication",
                    "The link of the web page contains no valid address (tcTokenURL, https only). "
                    "Please contact the provider of the web page."};
        case PageReason::Busy:
            return {"Cannot start authentication",
                    "An operation is already in progress. Finish or cancel it in OpenAusweis, then "
                    "try again."};
        case PageReason::TcTokenNotFound:
            return {
                "Authentication failed",
                "The provider's server could not be reached or gave no valid answer. Please try "
                "again later or contact the provider."};
        case PageReason::NoRedirect:
            return {"Authentication failed",
                    "The provider named no address to return to. Please go back to the provider's "
                    "web page."};
        case PageReason::InternalError:
            return {"Authentication failed", "An internal error occurred in OpenAusweis."};
        case PageReason::ForeignHost:
            return {"Request refused",
                    "OpenAusweis only answers requests addressed to this computer "
                    "(127.0.0.1, [::1] or localhost)."};
        case PageReason::MalformedRequest:
            return {"Request refused", "The request could not be understood."};
        case PageReason::TooLarge:
            return {"Request refused", "The request is too large."};
        case PageReason::Timeout:
            return {"Request refused", "The request took too long to arrive."};
    }
    return {"Error", ""};
}

PageText german(PageReason reason) {
    switch (reason) {
        case PageReason::UnknownRequest:
            return {"Unbekannte Anfrage", "OpenAusweis kennt diese Anfrage nicht."};
        case PageReason::InvalidActivation:
            return {"Authentisierung kann nicht gestartet werden",
                    "Der Link der Webseite enthält keine gültige Adresse (tcTokenURL, nur https). "
                    "Bitte wenden Sie sich an den Anbieter der Webseite."};
        case PageReason::Busy:
            return {
                "Authentisierung kann nicht gestartet werden",
                "Es läuft bereits ein Vorgang. Beenden oder abbrechen Sie ihn in OpenAusweis und "
                "versuchen Sie es dann erneut."};
        case PageReason::TcTokenNotFound:
            return {"Authentisierung fehlgeschlagen",
                    "Der Server des Anbieters war nicht erreichbar oder antwortete ungültig. Bitte "
                    "versuchen Sie es später erneut oder wenden Sie sich an den Anbieter."};
        case PageReason::NoRedirect:
            return {"Authentisierung fehlgeschlagen",
                    "Der Anbieter hat keine Rücksprungadresse genannt. Bitte kehren Sie zur "
                    "Webseite des Anbieters zurück."};
        case PageReason::InternalError:
            return {"Authentisierung fehlgeschlagen",
                    "In OpenAusweis ist ein interner Fehler aufgetreten."};
        case PageReason::ForeignHost:
            return {"Anfrage abgelehnt",
                    "OpenAusweis beantwortet nur Anfragen an diesen Computer "
                    "(127.0.0.1, [::1] oder localhost)."};
        case PageReason::MalformedRequest:
            return {"Anfrage abgelehnt", "Die Anfrage ist nicht verständlich."};
        case PageReason::TooLarge:
            return {"Anfrage abgelehnt", "Die Anfrage ist zu groß."};
        case PageReason::Timeout:
            return {"Anfrage abgelehnt", "Die Anfrage kam zu langsam an."};
    }
    return {"Fehler", ""};
}

}  // namespace

PageLanguage preferredLanguage(const std::string* acceptLanguage) {
    if (!acceptLanguage) return PageLanguage::English;
    PageLanguage best = PageLanguage::English;
    double bestWeight = 0;
    for (const QByteArray& item : QByteArray::fromStdString(*acceptLanguage).split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray tag = parts.first().trimmed().toLower();
        double weight = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed();
            if (parameter.startsWith("q=")) weight = parameter.mid(2).toDouble();
        }
        const bool de = tag == "de" || tag.startsWith("de-");
        const bool en = tag == "en" || tag.startsWith("en-");
        if ((de || en) && weight > bestWeight) {
            bestWeight = weight;
            best = de ? PageLanguage::German : PageLanguage::English;
        }
    }
    return best;
}

std::string escapeHtml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

HttpResponse errorPage(int status, PageReason reason, PageLanguage language,
                       const std::string& detail, const std::string& retryTarget) {
    const bool de = language == PageLanguage::German;
    const PageText words = de ? german(reason) : english(reason);
    std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + (de ? "de" : "en") +
                       "\">\n<head><meta charset=\"utf-8\"><title>OpenAusweis: " + words.title +
                       "</title></head>\n<body>\n<h1>" + words.title + "</h1>\n<p>" + words.text +
                       "</p>\n";
    if (!detail.empty()) html += "<p>" + escapeHtml(detail) + "</p>\n";
    if (!retryTarget.empty())
        html += "<p><a href=\"" + escapeHtml(retryTarget) + "\">" +
                (de ? "Erneut versuchen" : "Try again") + "</a></p>\n";
    html += "<p><small>HTTP " + std::to_string(status) + ' ' + reasonPhrase(status) +
            "</small></p>\n</body>\n</html>\n";

    HttpResponse response;
    response.status = status;
    response.body = std::move(html);
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Language", de ? "de" : "en");
    response.setHeader("Cache-Control", "no-cache, no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

}  // namespace oa::service
