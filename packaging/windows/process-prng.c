/* For running CV Deck's Windows test builds under Wine 8 (Debian 12) only; never shipped.
   Rust's standard library takes its random seed from ProcessPrng in bcryptprimitives.dll,
   which Wine gained in version 9: this stands in for it with RtlGenRandom (advapi32). */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
