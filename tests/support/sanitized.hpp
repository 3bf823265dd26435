#pragma once
// True in the asan preset's build (clang, AddressSanitizer + UBSan, -O0), where everything runs
// several times slower and the sanitizer runtime itself needs file descriptors. Only timing
// bounds and descriptor-exhaustion tests look at it; every behaviour is still checked.
namespace openfloor::testing {
#if defined(__SANITIZE_ADDRESS__) // g++
inline constexpr bool sanitized_build = true;
#elif defined(__has_feature)      // clang
inline constexpr bool sanitized_build = __has_feature(address_sanitizer);
#else
inline constexpr bool sanitized_build = false;
#endif
} // namespace openfloor::testing
