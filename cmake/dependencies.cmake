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

# Boost headers are third-party: their warnings are not ours to fix.
add_library(openfloor_boost INTERFACE)
target_link_libraries(openfloor_boost INTERFACE Boost::system Boost::url)
target_compile_definitions(openfloor_boost INTERFACE BOOST_ASIO_NO_DEPRECATED)
