#ifndef ZORGROOSTER_CGLPK_SHIM_H
#define ZORGROOSTER_CGLPK_SHIM_H
#include <glpk.h>
#endif
