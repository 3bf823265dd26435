# All dependencies come from Debian packages (deploy/install-deps.sh); nothing is downloaded.
find_package(Boost 1.81 REQUIRED COMPONENTS system url)
find_package(OpenSSL 3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(spdlog REQUIRED)
find_package(Threads REQUIRED)
if(OPENFLOOR_TESTS)
    find_package(GTest REQUIRED)
endif()

# Boost headers are third-party: their warnings are not ours to fix. Asio and Beast are
# compiled once, in this library, rather than in every file that includes them.
add_library(openfloor_boost STATIC ${PROJECT_SOURCE_DIR}/adapters/transport/boost_library.cpp)
target_link_libraries(openfloor_boost PUBLIC Boost::system Boost::url OpenSSL::SSL
                                             OpenSSL::Crypto Threads::Threads)
target_compile_definitions(openfloor_boost PUBLIC BOOST_ASIO_NO_DEPRECATED
                           BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION)
