#include "workflows/ConsentPurpose.h"

#include <sstream>
#include <vector>

namespace oa::workflows {

namespace {

std::string trimmed(std::string line) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

bool startsWith(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

bool isPurposeHeading(const std::string& line) {
    return startsWith(line, "Zweck des Auslesevorgangs:") || startsWith(line, "Purpose:");
}

bool endsParagraph(const std::string& line) {
    return line.empty() || startsWith(line, "Hinweis:") || startsWith(line, "Note:");
}

}  // namespace

std::string purposeOfTermsOfUsage(const std::string& terms) {
    std::istringstream in(terms);
    std::string line;
    bool inPurpose = false;
    std::string purpose;
    while (std::getline(in, line)) {
        line = trimmed(line);
        if (!inPurpose) {
            if (!isPurposeHeading(line)) continue;
            inPurpose = true;
            line = trimmed(line.substr(line.find(':') + 1));  // text on the heading line itself
            if (line.empty()) continue;
        } else if (endsParagraph(line)) {
            break;
        }
        if (!purpose.empty()) purpose += ' ';
        purpose += line;
    }
    return purpose;
}

}  // namespace oa::workflows
