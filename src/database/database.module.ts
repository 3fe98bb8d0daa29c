import { Global, Module } from '@nestjs/common';
import { ExpiredRowsPurger } from './expired-rows';
import { UnitOfWork } from './unit-of-work';
import { WalCheckpointer } from './wal-checkpointer';

@Global()
@Module({ providers: [UnitOfWork, WalCheckpointer, ExpiredRowsPurger], exports: [UnitOfWork] })
export class DatabaseModule {}
