// make_test_certs: P-256 keys, a self-signed CA with basicConstraints CA:TRUE, and a leaf with
// serverAuth and the requested SANs, valid from an hour ago for a day.
#include "tests/support/test_certs.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace openfloor::testing {
namespace {

struct key_free {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct cert_free {
    void operator()(X509* c) const { X509_free(c); }
};
struct file_close {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using key_ptr = std::unique_ptr<EVP_PKEY, key_free>;
using cert_ptr = std::unique_ptr<X509, cert_free>;

void check(bool ok, const char* what) {
    if (!ok) {
        throw std::runtime_error(std::string("test certificate: ") + what + " failed");
    }
}

key_ptr make_key() {
    key_ptr k(EVP_EC_gen("P-256"));
    check(k != nullptr, "EVP_EC_gen");
    return k;
}

void add_extension(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    check(ext != nullptr, "X509V3_EXT_conf_nid");
    const int added = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    check(added == 1, "X509_add_ext");
}

cert_ptr make_cert(EVP_PKEY* key, const std::string& common_name, long serial) {
    cert_ptr cert(X509_new());
    check(cert != nullptr, "X509_new");
    check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "X509_set_version");
    check(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial) == 1, "serial");
    check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "notBefore");
    check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24L * 3600) != nullptr, "notAfter");
    check(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");
    X509_NAME* name = X509_get_subject_name(cert.get());
    const auto* cn = reinterpret_cast<const unsigned char*>(common_name.c_str());
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) == 1, "CN");
    return cert;
}

void write_key(const std::filesystem::path& p, EVP_PKEY* key) {
    std::unique_ptr<std::FILE, file_close> f(std::fopen(p.c_str(), "wb"));
    check(f != nullptr, "fopen");
    check(PEM_write_PrivateKey(f.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "PEM_write_PrivateKey");
}

void write_cert(const std::filesystem::path& p, X509* cert) {
    std::unique_ptr<std::FILE, file_close> f(std::fopen(p.c_str(), "wb"));
    check(f != nullptr, "fopen");
    check(PEM_write_X509(f.get(), cert) == 1, "PEM_write_X509");
}

std::string subject_alt_names(const leaf_names& names) {
    std::string san;
    for (const auto& dns : names.dns) {
        san += (san.empty() ? "DNS:" : ",DNS:") + dns;
    }
    for (const auto& ip : names.ips) {
        san += (san.empty() ? "IP:" : ",IP:") + ip;
    }
    return san;
}

} // namespace

test_cert_files make_test_certs(const std::filesystem::path& dir, const leaf_names& names) {
    auto ca_key = make_key();
    auto ca = make_cert(ca_key.get(), "openfloor test CA", 1);
    check(X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) == 1, "issuer");
    add_extension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_extension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(ca.get(), ca_key.get(), EVP_sha256()) > 0, "X509_sign CA");

    auto leaf_key = make_key();
    const std::string cn = names.dns.empty() ? "openfloor test leaf" : names.dns.front();
    auto leaf = make_cert(leaf_key.get(), cn, 2);
    check(X509_set_issuer_name(leaf.get(), X509_get_subject_name(ca.get())) == 1, "issuer");
    add_extension(leaf.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_extension(leaf.get(), ca.get(), NID_key_usage, "critical,digitalSignature");
    add_extension(leaf.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    add_extension(leaf.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    if (!names.dns.empty() || !names.ips.empty()) {
        add_extension(leaf.get(), ca.get(), NID_subject_alt_name, subject_alt_names(names));
    }
    check(X509_sign(leaf.get(), ca_key.get(), EVP_sha256()) > 0, "X509_sign leaf");

    test_cert_files files{dir / "ca.pem", dir / "ca-key.pem", dir / "leaf.pem",
                          dir / "leaf-key.pem"};
    write_cert(files.ca_cert, ca.get());
    write_key(files.ca_key, ca_key.get());
    write_cert(files.leaf_cert, leaf.get());
    write_key(files.leaf_key, leaf_key.get());
    return files;
}

} // namespace openfloor::testing
