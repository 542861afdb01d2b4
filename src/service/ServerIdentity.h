#pragma once

#include <string>
#include <utility>
#include <vector>

namespace oa::service {

// How the eID-Client names itself on port 24727. Web pages detect an eID-Client by these keys
// (TR-03124-1 ?Status, the same keys AusweisApp answers with); the values are ours.
struct ServerIdentity {
    std::string name = "OpenAusweis";
    std::string version;

    static ServerIdentity ours();
    // "OpenAusweis/0.1.0 (TR-03124-1/1.4)": the Server and User-Agent header value.
    std::string productToken() const;
    std::vector<std::pair<std::string, std::string>> statusFields() const;
    std::string statusText() const;
    std::string statusJson() const;
};

inline constexpr const char* kSpecificationTitle = "TR-03124-1";
inline constexpr const char* kSpecificationVendor = "Federal Office for Information Security";
inline constexpr const char* kSpecificationVersion = "1.4";

}  // namespace oa::service
