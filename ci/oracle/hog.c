/* mmverify oracle guest workload: allocate and touch anonymous memory to create reclaim pressure.
 * Usage: hog MIB [PASSES]. Maps MIB MiB in 1 MiB chunks, writes every page (a counter every 64 bytes,
 * so zram neither sees same-filled pages nor gets incompressible data), then re-touches everything
 * PASSES-1 more times. Prints one progress line per 16 MiB. Build: gcc -O2 -static -o hog hog.c */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define CHUNK (1UL << 20)

static void touch(unsigned char *p, unsigned long seed)
{
	for (unsigned long off = 0; off < CHUNK; off += 64)
		*(unsigned long *)(p + off) = seed + off;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: hog MIB [PASSES]\n");
		return 2;
	}
	unsigned long mib = strtoul(argv[1], NULL, 10);
	unsigned long passes = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
	unsigned char **chunks = calloc(mib, sizeof(*chunks));
	if (!chunks)
		return 1;
	for (unsigned long pass = 0; pass < passes; pass++) {
		for (unsigned long i = 0; i < mib; i++) {
			if (!chunks[i]) {
				chunks[i] = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
						 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
				if (chunks[i] == MAP_FAILED) {
					fprintf(stderr, "hog: mmap failed at %lu MiB\n", i);
					return 1;
				}
			}
			touch(chunks[i], pass * 7919 + i);
			if ((i + 1) % 16 == 0)
				printf("hog: pass %lu touched %lu MiB\n", pass, i + 1);
		}
	}
	printf("hog: done %lu MiB x %lu\n", mib, passes);
	return 0;
}
