# Warnings on for every target of ours; -Werror when AT1_WERROR is set.
function(at1_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(AT1_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
