#!/bin/sh
# CMAKE_ARGS for building llama-cpp-python on this machine.
#
# Never -march=native (GGML_NATIVE): these virtual machines advertise AMX but
# forbid it, and a native build dies with SIGILL on the first prompt. Instead,
# switch on the x86 vector extensions /proc/cpuinfo reports, one by one: on the
# 2-core machines here AVX-512 makes prompt processing about 1.5x faster.
flags="-DGGML_NATIVE=OFF"
has() { grep -qw "$1" /proc/cpuinfo 2>/dev/null; }
if has avx2 && has fma && has f16c; then
  flags="$flags -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
  if has avx512f && has avx512bw && has avx512vl && has avx512dq; then
    flags="$flags -DGGML_AVX512=ON"
    has avx512_vnni && flags="$flags -DGGML_AVX512_VNNI=ON"
    has avx512_bf16 && flags="$flags -DGGML_AVX512_BF16=ON"
    has avx512vbmi && flags="$flags -DGGML_AVX512_VBMI=ON"
  fi
fi
echo "$flags"
