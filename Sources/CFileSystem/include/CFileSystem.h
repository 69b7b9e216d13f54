#ifndef ZORGROOSTER_CFILESYSTEM_H
#define ZORGROOSTER_CFILESYSTEM_H

/* Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): after it, each name
   holds what the other held, and at no moment is either name missing. Returns 0 on success,
   -1 with errno set (ENOSYS or EINVAL where the kernel or file system cannot). Glibc's wrapper
   is not visible to Swift and syscall() is variadic, so it is called here. */
int zorgrooster_exchange(const char *first, const char *second);

#endif
