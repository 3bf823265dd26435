// Certificates generated at test time with OpenSSL 3: a CA and a leaf it signed, for TLS fakes
// on loopback. Nothing secret is checked in, and nothing expires in the repository.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace openfloor::testing {

struct test_cert_files {
    std::filesystem::path ca_cert;   // PEM: trust this (outbound.ca_file)
    std::filesystem::path ca_key;    // PEM
    std::filesystem::path leaf_cert; // PEM: serve this (server.tls.cert_file)
    std::filesystem::path leaf_key;  // PEM: server.tls.key_file
};

// The names the leaf certificate is valid for (its subjectAltName).
struct leaf_names {
    std::vector<std::string> dns{"localhost"};
    std::vector<std::string> ips{"127.0.0.1"};
};

// Writes ca.pem, ca-key.pem, leaf.pem and leaf-key.pem into `dir`. Throws on OpenSSL failure.
test_cert_files make_test_certs(const std::filesystem::path& dir, const leaf_names& names = {});

} // namespace openfloor::testing
