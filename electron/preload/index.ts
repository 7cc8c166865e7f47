import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract';

// Only the contract's channels cross the bridge; ipcRenderer itself never does.
contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
