// See password.hpp.
#include "auth/password.hpp"

#include "core/error.hpp"
#include "core/log.hpp"

#include <crypt.h>
#include <sodium.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <unordered_set>

namespace sala::auth {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;

std::atomic<std::uint64_t> g_verifications{0};

void ensure_sodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready) {
        throw Failure("libsodium could not be initialised");
    }
}

bool is_bcrypt(std::string_view hash)
{
    return hash.starts_with("$2a$") || hash.starts_with("$2b$") || hash.starts_with("$2y$");
}

bool verify_bcrypt(std::string_view stored_hash, std::string_view password)
{
    std::string phrase(password);
    std::string setting(stored_hash);
    crypt_data data{};
    const char* result = crypt_rn(phrase.c_str(), setting.c_str(), &data, sizeof data);
    if (result == nullptr || result[0] == '*') {
        return false;
    }
    std::string_view computed(result);
    return computed.size() == stored_hash.size() && sodium_memcmp(computed.data(), stored_hash.data(), computed.size()) == 0;
}

std::size_t utf8_length(std::string_view s)
{
    std::size_t n = 0;
    for (unsigned char c : s) {
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

std::string lowercase_ascii(std::string_view s)
{
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

// Common passwords and dictionary words, loaded once.
class Dictionary {
public:
    void configure(std::vector<std::string> files)
    {
        std::lock_guard lock(mutex_);
        files_ = std::move(files);
        loaded_ = false;
        words_.clear();
    }

    bool contains(const std::string& word)
    {
        std::lock_guard lock(mutex_);
        if (!loaded_) {
            load();
        }
        return words_.contains(word);
    }

private:
    void load()
    {
        loaded_ = true;
        for (const auto& file : files_) {
            std::ifstream in(file);
            if (!in) {
                log::warn("password_dictionary_missing", {{"file", file}});
                continue;
            }
            for (std::string line; std::getline(in, line);) {
                if (line.starts_with("#!comment:") || line.size() < 4) {
                    continue;
                }
                words_.insert(lowercase_ascii(line));
            }
        }
    }

    std::mutex mutex_;
    std::vector<std::string> files_{"/usr/share/john/password.lst", "/usr/share/dict/cracklib-small"};
    bool loaded_ = false;
    std::unordered_set<std::string> words_;
};

Dictionary& dictionary()
{
    static Dictionary d;
    return d;
}

// The word a password is made of once the usual decorations are taken away: case, digits or
// symbols added at either end, and l33t substitutions ("P@ssw0rd2024!" → "password").
std::string undecorated(std::string_view password)
{
    std::string s = lowercase_ascii(password);
    auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
    std::size_t begin = 0;
    std::size_t end = s.size();
    while (end > begin && !is_letter(s[end - 1])) {
        --end;
    }
    while (begin < end && !is_letter(s[begin]) && s[begin] != '@' && s[begin] != '$') {
        ++begin;
    }
    std::string core = s.substr(begin, end - begin);
    for (auto& c : core) {
        switch (c) {
        case '0': c = 'o'; break;
        case '1': c = 'i'; break;
        case '3': c = 'e'; break;
        case '4': c = 'a'; break;
        case '5': c = 's'; break;
        case '7': c = 't'; break;
        case '@': c = 'a'; break;
        case '$': c = 's'; break;
        default: break;
        }
    }
    return core;
}

// Keyboard-free patterns no dictionary lists: one character over and over, too few different
// characters, or a straight run ("123456789012", "abcdefghijkl", "987654321098").
bool is_trivial_pattern(std::string_view password)
{
    std::string s = lowercase_ascii(password);
    std::unordered_set<char> distinct(s.begin(), s.end());
    if (distinct.size() < 4) {
        return true;
    }
    auto step = [](char a, char b) {
        bool digits = a >= '0' && a <= '9' && b >= '0' && b <= '9';
        bool letters = a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z';
        if (!digits && !letters) {
            return 0;
        }
        int d = b - a;
        if (digits && (d == 9 || d == -9)) {
            d = d > 0 ? -1 : 1;  // 9→0 continues an ascending run, 0→9 a descending one
        }
        return d == 1 || d == -1 ? d : 0;
    };
    int direction = step(s[0], s[1]);
    if (direction == 0) {
        return false;
    }
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        if (step(s[i], s[i + 1]) != direction) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string hash_password(std::string_view password)
{
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Failure("password hashing ran out of memory");
    }
    return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password)
{
    ensure_sodium();
    ++g_verifications;
    if (is_bcrypt(stored_hash)) {
        return verify_bcrypt(stored_hash, password);
    }
    if (!stored_hash.starts_with("$argon2id$")) {
        return false;
    }
    std::string hash(stored_hash);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_against_dummy(std::string_view password)
{
    static const std::string dummy = hash_password(generate_password(32));
    (void)verify_password(dummy, password);
}

bool needs_rehash(std::string_view stored_hash)
{
    ensure_sodium();
    if (!stored_hash.starts_with("$argon2id$")) {
        return true;
    }
    std::string hash(stored_hash);
    return crypto_pwhash_str_needs_rehash(hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

std::uint64_t verification_count()
{
    return g_verifications.load();
}

std::string generate_password(std::size_t length)
{
    ensure_sodium();
    static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
    }
    return out;
}

void set_password_dictionaries(std::vector<std::string> files)
{
    dictionary().configure(std::move(files));
}

void check_password_policy(std::string_view password, std::string_view username, const std::string& field,
                           FieldErrors& errors)
{
    auto length = utf8_length(password);
    if (length < kMinPasswordLength) {
        errors.add(field, "TOO_SHORT", {{"min", std::to_string(kMinPasswordLength)}});
        return;
    }
    if (length > kMaxPasswordLength) {
        errors.add(field, "TOO_LONG", {{"max", std::to_string(kMaxPasswordLength)}});
        return;
    }
    if (!username.empty() && lowercase_ascii(password).find(lowercase_ascii(username)) != std::string::npos) {
        errors.add(field, "CONTAINS_USERNAME");
        return;
    }
    auto core = undecorated(password);
    if (is_trivial_pattern(password) || dictionary().contains(lowercase_ascii(password)) ||
        (core.size() >= 4 && dictionary().contains(core))) {
        errors.add(field, "TOO_COMMON");
    }
}

}  // namespace sala::auth
