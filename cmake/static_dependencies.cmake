# AVEDI_STATIC_DEPS: link SQLite, yaml-cpp, Boost and OpenSSL's libcrypto from their Debian
# archives (.a, in the same -dev packages as the shared libraries).
#
# Why: cron starts every job every few minutes, and most runs find an empty inbox. Loading and
# relocating those shared libraries was 3-4 ms of an empty run's 22 (libcrypto alone, for one
# SHA-256 function, about 2.5 ms). Linked statically, only the objects avedi calls are copied
# in. spdlog and fmt stay shared: Debian ships no archive of them.
#
# The cost: a Debian security update to one of these libraries reaches avedi when avedi is
# rebuilt (README, "Static linking"). avedi runs no SQL, YAML or certificates from outside:
# its SQL is its own, the YAML is the operator's config, libcrypto only hashes files.
# -DAVEDI_STATIC_DEPS=OFF links the shared libraries instead.
if(AVEDI_STATIC_DEPS)
  set(Boost_USE_STATIC_LIBS ON)
  set(OPENSSL_USE_STATIC_LIBS TRUE)
  # FindSQLite3 (SQLiteCpp's dependency) and FindOpenSSL take these variables as given when
  # they are set; as normal variables they also override what an older configure of the same
  # build folder cached.
  find_library(AVEDI_SQLITE3_ARCHIVE NAMES libsqlite3.a REQUIRED)
  find_library(AVEDI_CRYPTO_ARCHIVE NAMES libcrypto.a REQUIRED)
  set(SQLite3_LIBRARY "${AVEDI_SQLITE3_ARCHIVE}")
  set(OPENSSL_CRYPTO_LIBRARY "${AVEDI_CRYPTO_ARCHIVE}")
endif()

# yaml-cpp's CMake package only describes the shared library: avedi::yaml-cpp is the archive
# with the package's headers, or the package's own target.
function(avedi_use_static_yaml_cpp)
  add_library(avedi::yaml-cpp INTERFACE IMPORTED)
  if(AVEDI_STATIC_DEPS)
    find_library(AVEDI_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a REQUIRED)
    get_target_property(headers yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
    set_target_properties(avedi::yaml-cpp PROPERTIES
      INTERFACE_LINK_LIBRARIES "${AVEDI_YAML_CPP_ARCHIVE}"
      INTERFACE_INCLUDE_DIRECTORIES "${headers}")
  else()
    set_target_properties(avedi::yaml-cpp PROPERTIES INTERFACE_LINK_LIBRARIES yaml-cpp)
  endif()
endfunction()
