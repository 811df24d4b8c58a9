import { PluginHost } from '@crm/engine';
import { PLUGIN_PACKAGES } from '@crm/plugins';
import { Injectable } from '@nestjs/common';

/** The plugins this server ships (the list in `plugins/installed.ts`); a module uses those its definition lists. */
@Injectable()
export class PluginRegistry {
  readonly host = new PluginHost(PLUGIN_PACKAGES.map((pkg) => pkg.server));
}
