import type { PluginPackage } from '@crm/engine';
import type { FullNameConfig } from './full-name';
import { fullNamePlugin } from './plugin';
import { fullNameStudio } from './studio';

const fullName: PluginPackage<FullNameConfig> = { server: fullNamePlugin, studio: fullNameStudio };

export default fullName;
