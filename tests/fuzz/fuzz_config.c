/* fuzz_config.c: the configuration file (libconfig syntax, every setting's
 * type checked), and on success the effective settings dumped. */
#include "config.h"

#include "fuzz.h"
#include "settings.h"

/* libconfig 1.5's parser leaks a string token's text (allocated by its
 * scanner) when a syntax error follows the token: its grammar frees nothing
 * it discards.  recoup reads its config once and exits on such an error, and
 * the leak is not ours to fix, so LeakSanitizer is told to let these two
 * allocation sites be.  Only those: a leak of settings (config_destroy()
 * forgotten) is still reported. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:strbuf_append\nleak:libconfig_yylex\n";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *null = fuzz_devnull();
	char *buf = fuzz_copy(data, size);
	struct settings st;
	settings_defaults(&st);
	if (settings_load_buffer(&st, "fuzz.conf", buf, size, null) == 0)
		settings_dump(null, &st, st.log ? st.log : "log", st.routine_dirs,
			      &(struct settings_dump_notes){ .no_log = true, .cli_dirs = 1 });
	settings_free(&st);
	free(buf);
	return 0;
}
