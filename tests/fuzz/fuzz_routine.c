/* fuzz_routine.c: the routine loader (YAML via libyaml's event API, then
 * the format's checks), and on success the plan built from the routine. */
#include "config.h"

#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "loader.h"
#include "plan.h"
#include "routine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *null = fuzz_devnull();
	char *buf = fuzz_copy(data, size);
	struct diags d;
	diags_init(&d, "fuzz.yaml");
	struct routine *r = routine_load_buffer("fuzz.yaml", buf, size, &d);
	/* at least one error exactly when nothing was loaded */
	if ((r != NULL) != (d.nerrors == 0))
		abort();
	diags_print(&d, null);
	free(diags_first_error(&d));
	if (r) {
		struct plan p = { 0 };
		plan_build(&p, r, 3000, NULL);
		plan_print(null, r, &p, NULL);
		plan_free(&p);
		routine_free(r);
	}
	diags_free(&d);
	free(buf);
	return 0;
}
