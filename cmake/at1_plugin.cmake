# at1_add_plugin(<domain> SOURCES a.cc b.cc ...)
#
# Builds plugins/<domain> as a shared object `libat1-<domain>.so` in
# ${AT1_PLUGIN_OUTPUT_DIR}, linked only against the SDK, exporting only the
# entry symbol. Also builds a static library `at1_codec_<domain>` from the same
# sources so tests can call the codec in-process.
function(at1_add_plugin domain)
  cmake_parse_arguments(P "" "" "SOURCES" ${ARGN})
  # Sources compile once; the static library and the module share the objects.
  set(objects at1_codec_${domain}_objects)
  add_library(${objects} OBJECT ${P_SOURCES})
  target_link_libraries(${objects} PUBLIC at1::sdk)
  set_target_properties(${objects} PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  at1_warnings(${objects})

  set(codec at1_codec_${domain})
  add_library(${codec} STATIC $<TARGET_OBJECTS:${objects}>)
  target_link_libraries(${codec} PUBLIC at1::sdk)

  set(plugin at1-${domain})
  add_library(${plugin} MODULE $<TARGET_OBJECTS:${objects}>)
  target_link_libraries(${plugin} PRIVATE at1::sdk)
  set_target_properties(${plugin} PROPERTIES
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${AT1_PLUGIN_OUTPUT_DIR}
    LINKER_LANGUAGE CXX)
  target_link_options(${plugin} PRIVATE -Wl,--version-script=${AT1_SDK_DIR}/plugin.version)
  # A plugin must not depend on symbols of the host: it links only the SDK.
  # (Sanitizer builds take their runtime from the executable, so not there.)
  if(NOT AT1_SANITIZE AND NOT AT1_FUZZ)
    target_link_options(${plugin} PRIVATE -Wl,--no-undefined)
  endif()
  install(TARGETS ${plugin} LIBRARY DESTINATION lib/at1/plugins)
  # One target that builds every plugin (tests depend on it).
  if(NOT TARGET at1_all_plugins)
    add_custom_target(at1_all_plugins)
  endif()
  add_dependencies(at1_all_plugins ${plugin})
endfunction()
