#ifndef ZORGROOSTER_CGLPK_SHIM_H
#define ZORGROOSTER_CGLPK_SHIM_H
#include <glpk.h>
#include <signal.h>
#include <sys/prctl.h>

/* A GLPK child process dies with the program that started it (prctl is variadic, so Swift
   cannot call it directly). Returns 0 on success. */
static inline int zorgrooster_die_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL);
}
#endif
